// Vietnamese for the catalog's texts that would otherwise reach the site in English: the targets still
// waiting for a source, units and method notes. Findings of ingestion and the warehouse checks are not
// translated here: they are codes worded in Vietnamese where they are declared (@dtts/messages).
import type { CatalogRow } from '@dtts/indicators';

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

/** The catalog's method note in Vietnamese (declared with the indicator). */
export function methodNoteVi(c: CatalogRow): string {
  return c.method_note_vi ?? c.method_note ?? '';
}
/** The expected source of a target
 waiting for a source, in Vietnamese. */
export function expectedSourceVi(c: CatalogRow): string {
  return PENDING_VI[c.indicator_id]?.source ?? 'Chưa xác định';
}

export const SEVERITY_VI: Record<string, string> = { error: 'Lỗi', warn: 'Cảnh báo', warning: 'Cảnh báo', info: 'Thông tin' };
export const COMPLETENESS_VI: Record<string, string> = { ok: 'Đủ', missing_commune: 'Thiếu xã', missing: 'Thiếu', empty: 'Trống' };
