// Vietnamese for the English texts that would otherwise reach the site: the catalog's descriptions of
// the targets still waiting for a source, and the messages ingestion and the warehouse checks write
// (those are English in the warehouse, for the engineers). Messages are matched by pattern; a message
// no pattern knows is shown as written, so nothing is lost when ingestion learns a new one.
import type { CatalogRow } from '@dtts/indicators';
import { formatDate } from './format.ts';

/** Numerator, denominator and expected source of each target waiting for a source (pending.ts). */
export const PENDING_VI: Record<string, { numerator: string; denominator: string; source: string }> = {
  party_organisation_plans: {
    numerator: 'Số tổ chức Đảng trực thuộc Đảng bộ huyện có kế hoạch thực hiện', denominator: 'Số tổ chức Đảng trực thuộc Đảng bộ huyện',
    source: 'Ban Dân vận Huyện ủy: danh sách tổ chức Đảng và kế hoạch thực hiện' },
  good_examples_per_commune: {
    numerator: 'Số người tốt, việc tốt, hộ DTTS sản xuất kinh doanh giỏi được nêu gương trong năm ở xã', denominator: '(số đếm theo xã và năm)',
    source: 'UBND các xã, Ban Tuyên giáo: danh sách nêu gương hằng năm' },
  prestige_dialogues: {
    numerator: 'Số cuộc gặp mặt, đối thoại với người có uy tín do cấp huyện tổ chức trong năm', denominator: '(số đếm theo năm)',
    source: 'Phòng Dân tộc: danh sách các cuộc gặp mặt hằng năm' },
  ethnic_policy_inspections: {
    numerator: 'Số cuộc kiểm tra, giám sát trong năm', denominator: '(số đếm theo năm)',
    source: 'UBND huyện, Phòng Dân tộc: hồ sơ kiểm tra hằng năm' },
  annual_dtts_survey: {
    numerator: 'Đã tổ chức điều tra và cập nhật vào cơ sở dữ liệu quốc gia về DTTS (có/không)', denominator: '(một lần mỗi năm)',
    source: 'Phòng Dân tộc: hồ sơ điều tra' },
  paved_roads_to_village_centres: {
    numerator: 'Số thôn, bản có đường ô tô đến trung tâm được rải nhựa hoặc bê tông', denominator: 'Số thôn, bản',
    source: 'Phòng Kinh tế – Hạ tầng: thống kê đường giao thông theo thôn' },
  provincial_media_reach: {
    numerator: 'Số xã, thôn, bản, tổ dân phố đọc được báo, xem được truyền hình, nghe được phát thanh của tỉnh', denominator: 'Số xã, thôn, bản, tổ dân phố',
    source: 'Trung tâm Văn hóa – Truyền thông: khảo sát phủ sóng' },
  antenatal_care_dtts: {
    numerator: 'Số phụ nữ DTTS có thai được khám thai định kỳ, sinh con ở cơ sở y tế hoặc có cán bộ y tế hỗ trợ', denominator: 'Số phụ nữ DTTS có thai',
    source: 'Trung tâm Y tế huyện: sổ theo dõi sức khỏe sinh sản' },
  underweight_children_dtts: {
    numerator: 'Số trẻ em DTTS dưới 5 tuổi suy dinh dưỡng thể nhẹ cân', denominator: 'Số trẻ em DTTS dưới 5 tuổi được cân',
    source: 'Trung tâm Y tế huyện: giám sát dinh dưỡng' },
  villages_with_cultural_team: {
    numerator: 'Số thôn có đội văn hóa, văn nghệ (câu lạc bộ) truyền thống', denominator: 'Số thôn',
    source: 'Phòng Văn hóa – Thông tin: khảo sát thôn' },
  cultural_teams_active: {
    numerator: 'Số đội hoạt động thường xuyên, có chất lượng', denominator: 'Số đội văn hóa, văn nghệ thôn',
    source: 'Phòng Văn hóa – Thông tin: khảo sát thôn' },
  communes_with_art_troupe: {
    numerator: 'Số xã có đội văn nghệ', denominator: 'Số xã', source: 'Phòng Văn hóa – Thông tin' },
  cultured_villages: {
    numerator: 'Số thôn được công nhận đạt tiêu chuẩn văn hóa', denominator: 'Số thôn', source: 'Phòng Văn hóa – Thông tin' },
  consanguineous_marriages: {
    numerator: 'Số cuộc hôn nhân cận huyết thống trong năm', denominator: '(số đếm theo năm)',
    source: 'Tư pháp – hộ tịch (đăng ký hộ tịch cấp xã)' },
  child_marriages: {
    numerator: 'Số cuộc tảo hôn trong năm', denominator: '(số đếm theo năm)', source: 'Tư pháp – hộ tịch (đăng ký hộ tịch cấp xã)' },
  teen_first_births: {
    numerator: 'Số phụ nữ DTTS dưới 18 tuổi sinh con lần đầu trong năm', denominator: '(số đếm theo năm)',
    source: 'Trung tâm Y tế huyện: sổ đăng ký sinh' },
  dtts_officials_district: {
    numerator: 'Số cán bộ, công chức, viên chức người DTTS cấp huyện', denominator: 'Số cán bộ, công chức, viên chức cấp huyện',
    source: 'Phòng Nội vụ: danh sách cán bộ, công chức, viên chức' },
  dtts_officials_commune: {
    numerator: 'Số cán bộ, công chức cấp xã người DTTS', denominator: 'Số cán bộ, công chức cấp xã',
    source: 'Phòng Nội vụ: danh sách cán bộ, công chức, viên chức' },
  commune_cadres_university: {
    numerator: 'Số cán bộ cấp xã có trình độ đại học trở lên', denominator: 'Số cán bộ cấp xã',
    source: 'Phòng Nội vụ: danh sách cán bộ, công chức, viên chức' },
  commune_civil_servants_university: {
    numerator: 'Số công chức cấp xã có trình độ đại học trở lên', denominator: 'Số công chức cấp xã',
    source: 'Phòng Nội vụ: danh sách cán bộ, công chức, viên chức' },
  commune_key_cadres_economic_training: {
    numerator: 'Số cán bộ chủ chốt cấp xã được bồi dưỡng kiến thức quản lý kinh tế', denominator: 'Số cán bộ chủ chốt cấp xã',
    source: 'Phòng Nội vụ, Trung tâm Chính trị huyện' },
};

export const UNIT_VI: Record<string, string> = {
  percent: '%',
  vnd_per_person_month: 'đồng/người/tháng',
  count: 'số lượng',
  yes_no: 'có/không',
};

/** The catalog's method note in Vietnamese (the poverty standard changed in 2022). */
export function methodNoteVi(c: CatalogRow): string {
  if (c.indicator_id === 'poor_household_rate' || c.indicator_id === 'near_poor_household_rate')
    return 'Năm 2020–2021 theo chuẩn nghèo QĐ 59/2015/QĐ-TTg, 2022–2025 theo NĐ 07/2021/NĐ-CP: thay đổi 2021→2022 là do đổi chuẩn, không phải tiến bộ; mục tiêu được đánh giá theo mức giảm bình quân trong cùng một chuẩn.';
  return c.method_note ?? '';
}
/** The expected source of a target
 waiting for a source, in Vietnamese. */
export function expectedSourceVi(c: CatalogRow): string {
  return PENDING_VI[c.indicator_id]?.source ?? 'Chưa xác định';
}

type Rule = [RegExp, string | ((...m: string[]) => string)];

function apply(rules: Rule[], text: string): string {
  const t = text.trim();
  for (const [re, out] of rules) {
    const m = t.match(re);
    if (m) return typeof out === 'string' ? out : out(...m);
  }
  return t;
}

const isoToVn = (iso: string) => formatDate(iso);

/**
 * Quarantine reasons, already scrubbed («…» for quoted values). The Vietnamese drops what a reason
 * quotes of a record (a date, a value, a file row): counts per reason are what the page shows.
 */
const REASONS: Rule[] = [
  [/^unknown commune code .* on \d{4}-\d\d-\d\d$/, 'Mã xã không có trong danh mục tại ngày tham chiếu'],
  [/^unknown commune .* on \d{4}-\d\d-\d\d$/, 'Tên xã không có trong danh mục tại ngày tham chiếu'],
  [/^ambiguous commune/, 'Tên xã không rõ (có thể là nhiều xã)'],
  [/^unknown ethnic group code .*$/, 'Mã dân tộc không có trong danh mục (01–55)'],
  [/^unknown ethnic group .*$/, 'Dân tộc không có trong danh mục'],
  [/^ambiguous ethnic group .*?: (.+)$/, (_, groups) => `Dân tộc không rõ, có thể là: ${groups}`],
  [/^ambiguous$/, 'Giá trị không rõ'],
  [/^\S+ is below (\S+)$/, (_, min) => `Giá trị nhỏ hơn ${min}`],
  [/^\S+ is above (\S+)$/, (_, max) => `Giá trị lớn hơn ${max}`],
  [/^below (\S+)$/, (_, min) => `Giá trị nhỏ hơn ${min}`],
  [/^not a yes\/no value/, 'Không phải giá trị có/không (Có/Không, x, 1/0, TRUE/FALSE)'],
  [/^not a sex/, 'Không phải giới tính (Nam/Nữ hoặc 1/2)'],
  [/^birth date .* is after the reference date .*$/, 'Ngày sinh sau ngày tham chiếu'],
  [/^date .* is after the reference date .*$/, 'Ngày sau ngày tham chiếu'],
  [/^birth year .* is after .*$/, 'Năm sinh sau năm số liệu'],
  [/^birth year .* is impossible$/, 'Năm sinh không hợp lệ'],
  [/is a year, not a full date$/, 'Chỉ có năm, thiếu ngày tháng'],
  [/is not a year$/, 'Không phải là năm'],
  [/^impossible date/, 'Ngày không có thật'],
  [/^not a date/, 'Không phải ngày'],
  [/^not a number/, 'Không phải số'],
  [/^more solid classrooms than classrooms$/, 'Số phòng học kiên cố nhiều hơn số phòng học'],
  [/^the card ends before it starts$/, 'Thẻ hết hạn trước ngày bắt đầu'],
  [/^a citizen id has 12 digits$/, 'Số định danh phải có 12 chữ số'],
  [/^a card number has 15 characters$/, 'Mã thẻ phải có 15 ký tự'],
  [/^duplicate (\S+) .*already loaded from .*$/, (_, col) => `Trùng ${col}: đã nạp từ một dòng khác`],
  [/^(\S+) .* does not exist in (\S+) of (\d{4})$/, (_, col, table, year) => `${col} không có trong bảng ${table} năm ${year}`],
  [/is not one of: (.+)$/, (_, allowed) => `Không thuộc: ${allowed}`],
  [/^not a text file/, 'Không phải tệp văn bản'],
];

export function quarantineReasonVi(reason: string): string {
  return apply(REASONS, reason);
}

const WARNINGS: Rule[] = [
  [/^ignored: an Excel lock file \((.*)\)$/, (_, f) => `Bỏ qua tệp khóa của Excel (${f})`],
  [/^ignored: a hidden file \((.*)\)$/, (_, f) => `Bỏ qua tệp ẩn (${f})`],
  [/^ignored: neither \.csv nor \.xlsx \((.*)\)$/, (_, f) => `Bỏ qua: không phải tệp .csv hoặc .xlsx (${f})`],
  [/^ignored: not a year folder \((.*)\)$/, (_, f) => `Bỏ qua: không phải thư mục năm (${f})`],
  [/^ignored: its name starts with no table prefix.*\((\S+)\)$/, (_, f) => `Bỏ qua: tên tệp không bắt đầu bằng tên bảng nào của nguồn (${f})`],
  [/^ignored: its name is a (\S+) table \((\S+)\), not a (\S+) one.*\((\S+)\)$/, (_, s, t, o, f) => `Bỏ qua: tệp của bảng ${t} (nguồn ${s}), không phải của nguồn ${o} (${f})`],
  [/^ignored: (.*)$/, (_, rest) => `Bỏ qua: ${rest}`],
  [/^(?:commune )?(?:code )?(\d{5}) \((.+?)\) was abolished on (\d{4}-\d\d-\d\d); mapped forward to its successor (\d{5}) \((.+?)\)$/,
    (_, code, name, date, next, nextName) => `Mã xã ${code} (${name}) đã giải thể từ ${isoToVn(date)}; số liệu được chuyển sang xã kế thừa ${next} (${nextName})`],
  [/^sheet .* ignored \(the table is read from sheet .*\)$/, 'Bỏ qua một trang tính (bảng được đọc từ trang tính khác)'],
  [/^legacy TCVN3 text converted to Unicode$/, 'Văn bản mã TCVN3 đã được chuyển sang Unicode'],
  [/^columns ignored \(no such column in (\S+)\): (.*)$/, (_, table, cols) => `Bỏ qua các cột không thuộc bảng ${table}: ${cols}`],
];

export function warningVi(message: string): string {
  return apply(WARNINGS, message);
}

const CHECK_PREDICATES: Rule[] = [
  [/^\((.*)\) is unique \(every repeat after the first fails\)$/, (_, cols) => `(${cols}) không trùng lặp`],
  [/^(.*) never NULL$/, (_, cols) => `${cols} không để trống`],
  [/^(\S+) is Nam or Nữ$/, (_, c) => `${c} là Nam hoặc Nữ`],
  [/^(\S+) is an ethnic code of ref\.ethnic_groups$/, (_, c) => `${c} là mã dân tộc trong danh mục`],
  [/^(\S+) is MN, TH, THCS or THPT$/, (_, c) => `${c} là MN, TH, THCS hoặc THPT`],
  [/^(\S+) is a school type of the contract$/, (_, c) => `${c} là loại trường theo quy ước dữ liệu`],
  [/^(\S+) is Nội trú, Bán trú or blank$/, (_, c) => `${c} là Nội trú, Bán trú hoặc để trống`],
  [/^(\S+) is poor or near_poor$/, (_, c) => `${c} là hộ nghèo hoặc hộ cận nghèo`],
  [/^(\S+) is a commune of the frame in force at the reference date.*$/, (_, c) =>
    `${c} là xã của địa giới có hiệu lực tại ngày tham chiếu (địa giới 2020 cho 2020–2024, địa giới 2025 từ 2025)`],
];

const CHECK_SENTENCES: Record<string, string> = {
  'every census person belongs to a household of the same year': 'Mọi nhân khẩu thuộc một hộ của cùng năm điều tra',
  'every student attends a school listed the same year': 'Mọi học sinh học ở một trường có trong danh sách cùng năm',
  'a census household has at least one person (else it has no head, no ethnic group, size 0)': 'Mỗi hộ có ít nhất một nhân khẩu (nếu không: không có chủ hộ, dân tộc, quy mô 0)',
  'no person, student or card holder is born after the data year': 'Không có nhân khẩu, học sinh, người có thẻ sinh sau năm số liệu',
  'a card is valid from a date not after its end date': 'Ngày bắt đầu hiệu lực của thẻ không sau ngày hết hạn',
  'a school has no more solid classrooms than classrooms': 'Số phòng học kiên cố của trường không vượt số phòng học',
  'rows exist only where the denominator is greater than zero': 'Chỉ có dòng khi mẫu số lớn hơn 0',
  'for count-based person indicators, the rows of the ethnic codes add up to the ALL row (numerator and denominator)':
    'Với các chỉ tiêu đếm người: tổng các dân tộc bằng dòng chung (tử số và mẫu số)',
  'for count-based person indicators split by sex, Nam + Nữ add up to the ALL row': 'Với các chỉ tiêu đếm người theo giới tính: Nam + Nữ bằng dòng chung',
  'rates above 100% (reported as computed, flagged over_100: coverage can exceed the registered population)':
    'Tỷ lệ trên 100% (giữ nguyên như tính được, được đánh dấu: số có thẻ có thể vượt dân số đăng ký)',
  'a rate moves more than 15 points from one year to the next (area and communes, ALL and DTTS, both sexes; not across a method break)':
    'Tỷ lệ thay đổi quá 15 điểm % giữa hai năm liền nhau (toàn vùng và xã, chung và DTTS, hai giới; không tính qua lần đổi phương pháp)',
  'every commune of the frame has rows in every source for every year of the run': 'Mọi xã của địa giới đều có số liệu ở mọi nguồn, mọi năm của lượt chạy',
};

/** "staging.stg_census__ho: (year, ma_ho) is unique (…)" → "staging.stg_census__ho: (year, ma_ho) không trùng lặp". */
export function checkVi(description: string): string {
  const t = description.trim();
  const sentence = CHECK_SENTENCES[t];
  if (sentence) return sentence;
  const m = t.match(/^([a-z_]+\.[a-z0-9_]+): (.*)$/);
  if (m) {
    const said = apply(CHECK_PREDICATES, m[2]!);
    if (said !== m[2]) return `${m[1]}: ${said}`;
  }
  return t;
}

export const SEVERITY_VI: Record<string, string> = { error: 'Lỗi', warn: 'Cảnh báo', warning: 'Cảnh báo', info: 'Thông tin' };
export const COMPLETENESS_VI: Record<string, string> = { ok: 'Đủ', missing_commune: 'Thiếu xã', missing: 'Thiếu', empty: 'Trống' };
