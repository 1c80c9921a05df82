// Every finding ingestion writes — a quarantine reason or a warning — as a code with its words in
// Vietnamese and English. The warehouse stores the code and its parameters; whoever shows a finding
// renders it from here (render.ts), so no sentence is written, or translated, anywhere else.
//
// Placeholders: {name} is a parameter as it is; {name:date} an ISO date, shown dd/mm/yyyy in
// Vietnamese. Parameters never hold the failing cell's own value: the quarantine keeps that in its
// `value` column (masked where personal). `site` is the Vietnamese shown on the public report site
// where `vi` names a source file or row (the site shows counts per reason, never where a record is).

export interface MessageSpec {
  kind: 'reason' | 'warning' | 'check';
  en: string;
  vi: string;
  site?: string;
}

export const MESSAGES = {
  // Values that are missing or cannot be read (SOURCES.md §3).
  value_missing: { kind: 'reason', en: 'missing value', vi: 'Thiếu giá trị bắt buộc' },
  value_missing_all: { kind: 'reason', en: 'missing value: none of {columns} is given', vi: 'Thiếu giá trị: không có cột nào trong {columns}' },
  value_unreadable: { kind: 'reason', en: 'unreadable value', vi: 'Không đọc được giá trị' },
  not_yes_no: { kind: 'reason', en: 'not a yes/no value (expected Có/Không, x, 1/0, TRUE/FALSE)', vi: 'Không phải giá trị có/không (Có/Không, x, 1/0, TRUE/FALSE)' },
  not_sex: { kind: 'reason', en: 'not a sex (expected Nam/Nữ or 1/2)', vi: 'Không phải giới tính (Nam/Nữ hoặc 1/2)' },
  not_a_date: { kind: 'reason', en: 'not a date', vi: 'Không phải ngày tháng' },
  date_impossible_year: { kind: 'reason', en: 'impossible date (year {year})', vi: 'Ngày không có thật (năm {year})', site: 'Ngày không có thật' },
  date_impossible_month: { kind: 'reason', en: 'impossible date (month {month})', vi: 'Ngày không có thật (tháng {month})', site: 'Ngày không có thật' },
  date_impossible_day: { kind: 'reason', en: 'impossible date (day {day} of month {month})', vi: 'Ngày không có thật (ngày {day} của tháng {month})', site: 'Ngày không có thật' },
  date_year_only: { kind: 'reason', en: 'a year, not a full date', vi: 'Chỉ có năm, thiếu ngày tháng' },
  date_after_reference: { kind: 'reason', en: 'date after the reference date {referenceDate:date}', vi: 'Ngày sau ngày tham chiếu {referenceDate:date}' },
  birth_date_after_reference: { kind: 'reason', en: 'birth date after the reference date {referenceDate:date}', vi: 'Ngày sinh sau ngày tham chiếu {referenceDate:date}' },
  birth_year_before: { kind: 'reason', en: 'birth year before {min} is impossible', vi: 'Năm sinh trước {min} là không thể' },
  birth_year_after: { kind: 'reason', en: 'birth year after the data year {year}', vi: 'Năm sinh sau năm số liệu {year}' },
  not_a_year: { kind: 'reason', en: 'not a year', vi: 'Không phải là năm' },
  not_a_number: { kind: 'reason', en: 'not a number', vi: 'Không phải là số' },
  number_mixed_separators: { kind: 'reason', en: 'not a whole number (mixed separators)', vi: 'Không phải số nguyên (dùng lẫn các dấu phân cách)' },
  number_not_whole: {
    kind: 'reason',
    en: 'not a whole number (amounts are integers; "." "," and spaces only separate thousands)',
    vi: 'Không phải số nguyên (số tiền là số nguyên; dấu chấm, dấu phẩy, dấu cách chỉ để tách hàng nghìn)',
  },
  number_too_large: { kind: 'reason', en: 'number too large', vi: 'Số quá lớn' },
  number_below: { kind: 'reason', en: 'below {min}', vi: 'Giá trị nhỏ hơn {min}' },
  number_above: { kind: 'reason', en: 'above {max}', vi: 'Giá trị lớn hơn {max}' },
  not_one_of: { kind: 'reason', en: 'not one of: {allowed}', vi: 'Không thuộc các giá trị: {allowed}' },
  // Values of the §7 sources (SOURCES.md §7): weights, event dates, levels, names, former communes.
  not_a_weight: { kind: 'reason', en: 'not a weight in kilograms', vi: 'Không phải cân nặng tính bằng kg' },
  weight_not_positive: { kind: 'reason', en: 'the weight is not above 0 kg', vi: 'Cân nặng phải lớn hơn 0 kg' },
  date_no_day: { kind: 'reason', en: 'no day: a full date (dd/mm/yyyy) is needed', vi: 'Thiếu ngày: cần ghi đủ ngày, tháng, năm (dd/mm/yyyy)' },
  date_not_in_year: { kind: 'reason', en: 'the date is not in {year}, the year of the file', vi: 'Ngày không thuộc năm {year} của tệp số liệu' },
  birth_date_not_full: {
    kind: 'reason',
    en: 'no day and month: a full birth date (dd/mm/yyyy) is needed',
    vi: 'Thiếu ngày, tháng sinh: cần ghi đủ ngày sinh (dd/mm/yyyy)',
  },
  not_a_level: { kind: 'reason', en: 'not a level: Huyện or Xã', vi: 'Không phải cấp quản lý (Huyện hoặc Xã)' },
  no_district_level: {
    kind: 'reason',
    en: 'no district level after {lastDay:date}: a Huyện row cannot be in a file of {referenceDate:date}',
    vi: 'Từ sau ngày {lastDay:date} không còn cấp huyện: tệp số liệu ngày {referenceDate:date} không thể có dòng cấp Huyện',
  },
  name_prefix_only: { kind: 'reason', en: 'a prefix (Thôn, Bản, …) without a name', vi: 'Chỉ có chữ đứng trước tên (Thôn, Bản, …), không có tên' },
  former_commune_code_unknown: { kind: 'reason', en: 'the former commune code was not a commune on {date:date}', vi: 'Mã xã cũ không phải là xã tại ngày {date:date}' },
  former_commune_ambiguous: { kind: 'reason', en: 'ambiguous former commune: could be {candidates}', vi: 'Tên xã cũ không rõ, có thể là: {candidates}' },
  former_commune_unknown: { kind: 'reason', en: 'unknown former commune on {date:date}', vi: 'Xã cũ không có trong danh mục tại ngày {date:date}' },
  // Geography and ethnic groups (SOURCES.md §4–§5).
  commune_missing: { kind: 'reason', en: 'no commune code or name given', vi: 'Không có mã xã hoặc tên xã' },
  commune_code_unknown: { kind: 'reason', en: 'unknown commune code on {date:date}', vi: 'Mã xã không có trong danh mục tại ngày {date:date}' },
  commune_name_unknown: { kind: 'reason', en: 'unknown commune on {date:date}', vi: 'Tên xã không có trong danh mục tại ngày {date:date}' },
  commune_ambiguous: { kind: 'reason', en: 'ambiguous commune: could be {candidates}', vi: 'Tên xã không rõ, có thể là: {candidates}' },
  commune_no_successor: { kind: 'reason', en: 'commune {commune} has no successor in force on {date:date}', vi: 'Xã {commune} không có xã kế thừa còn hiệu lực tại ngày {date:date}' },
  commune_in_van_ban: {
    kind: 'reason',
    en: 'on {date:date} this is {name} of Huyện Văn Bàn, not a commune of Bảo Yên (it joins Xã Bảo Hà on 2025-07-01)',
    vi: 'Tại ngày {date:date} đây là {name} thuộc huyện Văn Bàn, không phải xã của Bảo Yên (nhập vào xã Bảo Hà từ 01/07/2025)',
  },
  reference_date_before_frames: { kind: 'reason', en: 'reference date {date:date} is before the 2020 commune frame ({first:date})', vi: 'Ngày tham chiếu {date:date} trước địa giới năm 2020 ({first:date})' },
  ethnic_group_missing: { kind: 'reason', en: 'no ethnic group given', vi: 'Không có dân tộc' },
  ethnic_group_code_unknown: { kind: 'reason', en: 'unknown ethnic group code (codes are 01–55)', vi: 'Mã dân tộc không có trong danh mục (01–55)' },
  ethnic_group_unknown: { kind: 'reason', en: 'unknown ethnic group', vi: 'Dân tộc không có trong danh mục' },
  ethnic_group_without_diacritics: {
    kind: 'reason',
    en: 'unknown ethnic group (names must keep their diacritics; did you mean {candidates}?)',
    vi: 'Dân tộc không có trong danh mục (tên phải viết có dấu; có phải là {candidates}?)',
  },
  ethnic_group_ambiguous: { kind: 'reason', en: 'ambiguous ethnic group: {candidates}', vi: 'Dân tộc không rõ, có thể là: {candidates}' },
  // Formats of personal ids (the value itself is masked in the quarantine).
  citizen_id_format: { kind: 'reason', en: 'a citizen id has 12 digits', vi: 'Số định danh cá nhân phải có 12 chữ số' },
  card_number_format: { kind: 'reason', en: 'a card number has 15 characters', vi: 'Mã thẻ BHYT phải có 15 ký tự' },
  // Rules over a whole row, references and keys.
  card_ends_before_start: { kind: 'reason', en: 'the card ends before it starts', vi: 'Thẻ hết hạn trước ngày bắt đầu có giá trị' },
  more_solid_than_classrooms: { kind: 'reason', en: 'more solid classrooms than classrooms', vi: 'Số phòng học kiên cố nhiều hơn số phòng học' },
  mother_too_young: {
    kind: 'reason',
    en: 'the mother would be younger than {min} at the event (year of {event} minus birth year): impossible',
    vi: 'Người mẹ chưa đủ {min} tuổi vào thời điểm sự kiện (năm của {event} trừ năm sinh): không thể có',
  },
  husband_too_young: {
    kind: 'reason',
    en: 'the husband would be younger than {min} at the event (year of {event} minus birth year): impossible',
    vi: 'Người chồng chưa đủ {min} tuổi vào thời điểm sự kiện (năm của {event} trừ năm sinh): không thể có',
  },
  wife_too_young: {
    kind: 'reason',
    en: 'the wife would be younger than {min} at the event (year of {event} minus birth year): impossible',
    vi: 'Người vợ chưa đủ {min} tuổi vào thời điểm sự kiện (năm của {event} trừ năm sinh): không thể có',
  },
  weighed_before_birth: { kind: 'reason', en: 'weighed before the birth date: impossible', vi: 'Ngày cân trước ngày sinh: không thể có' },
  weight_for_age_implausible: {
    kind: 'reason',
    en: 'implausible weight for age: z = {z} (WHO flags z below -6 or above 5); the weight is blanked',
    vi: 'Cân nặng theo tuổi không hợp lý: z = {z} (WHO coi z dưới -6 hoặc trên 5 là không hợp lý); cân nặng được để trống',
  },
  commune_needed_for_xa_row: {
    kind: 'reason',
    en: 'a Xã (commune-level) row needs a readable commune (ma_xa or ten_xa)',
    vi: 'Dòng cấp Xã phải có mã xã hoặc tên xã đọc được',
  },
  commune_needed_for_activity: {
    kind: 'reason',
    en: 'a Xã activity or a Nêu gương needs a readable commune (ma_xa or ten_xa)',
    vi: 'Hoạt động cấp Xã hoặc hoạt động Nêu gương phải có mã xã hoặc tên xã đọc được',
  },
  district_activity_after_abolition: {
    kind: 'reason',
    en: 'no district level after {lastDay:date}: a Huyện activity on that date is impossible',
    vi: 'Từ sau ngày {lastDay:date} không còn cấp huyện: không thể có hoạt động cấp Huyện vào ngày này',
  },
  former_commune_not_part: {
    kind: 'reason',
    en: "the former commune did not become part of the row's commune",
    vi: 'Xã cũ không được sáp nhập vào xã ghi ở dòng này',
  },
  reference_missing: { kind: 'reason', en: '{column} does not exist in {table} of {year}', vi: '{column} không có trong bảng {table} năm {year}' },
  duplicate_key: {
    kind: 'reason',
    en: 'duplicate {key}: already loaded from {file} row {row}',
    vi: 'Trùng {key}: đã nạp từ tệp {file}, dòng {row}',
    site: 'Trùng {key}: đã nạp từ một dòng khác',
  },

  // Warnings: the run goes on, the manifest and the data-quality page say what was done.
  legacy_encoding: { kind: 'warning', en: 'legacy {encoding} text converted to Unicode', vi: 'Văn bản mã {encoding} đã được chuyển sang Unicode' },
  sheet_ignored: {
    kind: 'warning',
    en: 'sheet "{sheet}" ignored (the table is read from sheet "{readSheet}")',
    vi: 'Bỏ qua trang tính "{sheet}" (bảng được đọc từ trang tính "{readSheet}")',
    site: 'Bỏ qua một trang tính (bảng được đọc từ trang tính khác)',
  },
  columns_ignored: { kind: 'warning', en: 'columns ignored (no such column in {table}): {columns}', vi: 'Bỏ qua các cột không thuộc bảng {table}: {columns}' },
  column_repeated: { kind: 'warning', en: 'column "{column}" appears twice; the first one is read', vi: 'Cột "{column}" xuất hiện hai lần; chỉ đọc cột đầu tiên' },
  commune_mapped_forward: {
    kind: 'warning',
    en: 'commune {commune} was abolished on {date:date}; mapped forward to its successor {successor}',
    vi: 'Xã {commune} đã giải thể từ {date:date}; số liệu được chuyển sang xã kế thừa {successor}',
  },
  commune_name_mismatch: {
    kind: 'warning',
    en: 'the commune name does not match commune code {code}; the code was used ({used})',
    vi: 'Tên xã không khớp với mã xã {code}; đã dùng theo mã ({used})',
  },
  ignored_not_year_folder: { kind: 'warning', en: 'ignored: not a year folder ({file})', vi: 'Bỏ qua: không phải thư mục năm ({file})' },
  ignored_lock_file: { kind: 'warning', en: 'ignored: an Excel lock file ({file})', vi: 'Bỏ qua tệp khóa của Excel ({file})' },
  ignored_hidden_file: { kind: 'warning', en: 'ignored: a hidden file ({file})', vi: 'Bỏ qua tệp ẩn ({file})' },
  ignored_file_type: { kind: 'warning', en: 'ignored: neither .csv nor .xlsx ({file})', vi: 'Bỏ qua: không phải tệp .csv hoặc .xlsx ({file})' },
  ignored_no_table_prefix: {
    kind: 'warning',
    en: 'ignored: its name starts with no table prefix of {source} ({prefixes}) ({file})',
    vi: 'Bỏ qua: tên tệp không bắt đầu bằng tên bảng nào của nguồn {source} ({prefixes}) ({file})',
  },
  ignored_other_source_table: {
    kind: 'warning',
    en: 'ignored: its name is a {owner} table ({table}), not a {source} one ({file})',
    vi: 'Bỏ qua: tệp của bảng {table} (nguồn {owner}), không phải của nguồn {source} ({file})',
  },

  // Data-quality checks of the warehouse (warehouse/src/checks): what each one asserts.
  check_unique: { kind: 'check', en: '{model}: ({columns}) is unique (every repeat after the first fails)', vi: '{model}: ({columns}) không trùng lặp' },
  check_not_null: { kind: 'check', en: '{model}: {columns} never NULL', vi: '{model}: {columns} không để trống' },
  check_accepted_values: { kind: 'check', en: '{model}: {column} is one of {allowed} (or blank)', vi: '{model}: {column} thuộc {allowed} (hoặc để trống)' },
  check_ethnic_code: { kind: 'check', en: '{model}: {column} is an ethnic code of ref.ethnic_groups', vi: '{model}: {column} là mã dân tộc trong danh mục' },
  check_commune_in_frame: {
    kind: 'check',
    en: '{model}: commune_code is a commune of the frame in force at the reference date (2020 frame for 2020–2024, 2025 frame from 2025)',
    vi: '{model}: commune_code là xã của địa giới có hiệu lực tại ngày tham chiếu (địa giới 2020 cho 2020–2024, địa giới 2025 từ 2025)',
  },
  check_relationship: { kind: 'check', en: '{model}: every {column} exists in {target} the same year', vi: '{model}: mọi giá trị {column} đều có trong {target} cùng năm' },
  check_row_rule: { kind: 'check', en: '{model}: no loaded row breaks the rule declared on {column}', vi: '{model}: không dòng nào vi phạm quy tắc đã khai báo cho cột {column}' },
  check_households_without_persons: { kind: 'check', en: 'a census household has at least one person (else it has no head, no ethnic group, size 0)', vi: 'Mỗi hộ có ít nhất một nhân khẩu (nếu không: không có chủ hộ, dân tộc, quy mô 0)' },
  check_birth_year_not_after_year: { kind: 'check', en: 'nobody is born after the data year ({models})', vi: 'Không ai sinh sau năm số liệu ({models})' },
  check_card_window_ordered: { kind: 'check', en: 'a card is valid from a date not after its end date', vi: 'Ngày bắt đầu hiệu lực của thẻ không sau ngày hết hạn' },
  check_solid_classrooms_not_above_classrooms: { kind: 'check', en: 'a school has no more solid classrooms than classrooms', vi: 'Số phòng học kiên cố của trường không vượt số phòng học' },
  check_denominator_positive: { kind: 'check', en: 'rows exist only where the denominator is greater than zero', vi: 'Chỉ có dòng khi mẫu số lớn hơn 0' },
  check_ethnic_groups_add_up_to_all: { kind: 'check', en: 'for count-based person indicators, the rows of the ethnic codes add up to the ALL row (numerator and denominator)', vi: 'Với các chỉ tiêu đếm người: tổng các dân tộc bằng dòng chung (tử số và mẫu số)' },
  check_sexes_add_up_to_all: { kind: 'check', en: 'for count-based person indicators split by sex, Nam + Nữ add up to the ALL row', vi: 'Với các chỉ tiêu đếm người theo giới tính: Nam + Nữ bằng dòng chung' },
  check_rate_over_100: { kind: 'check', en: 'rates above 100% (reported as computed, flagged over_100: coverage can exceed the registered population)', vi: 'Tỷ lệ trên 100% (giữ nguyên như tính được, được đánh dấu: số có thẻ có thể vượt dân số đăng ký)' },
  check_year_over_year_jump: { kind: 'check', en: 'a rate moves more than 15 points from one year to the next (area and communes, ALL and DTTS, both sexes; not across a method break)', vi: 'Tỷ lệ thay đổi quá 15 điểm % giữa hai năm liền nhau (toàn vùng và xã, chung và DTTS, hai giới; không tính qua lần đổi phương pháp)' },
  check_area_rate_collapse: {
    kind: 'check',
    en: 'a coverage or rate over people or households of the whole area (ALL or DTTS, both sexes) falls to less than half of the year before',
    vi: 'Một tỷ lệ bao phủ hay tỷ lệ về người, hộ của toàn vùng (chung hoặc DTTS, hai giới) giảm còn dưới một nửa so với năm trước',
  },
  check_completeness: { kind: 'check', en: 'every commune of the frame has rows in every source for every year of the run', vi: 'Mọi xã của địa giới đều có số liệu ở mọi nguồn, mọi năm của lượt chạy' },
} as const satisfies Record<string, MessageSpec>;

export type MessageCode = keyof typeof MESSAGES;
