// The `ingest.*` tables of docs/warehouse-tables.md, column for column. The warehouse reads only
// these; a source that was not delivered still gets its (empty) table so every model builds.
import { type Db } from '@dtts/db';

const COMMON = 'year INTEGER, source_file VARCHAR, source_row INTEGER';

export const INGEST_TABLES: Record<string, string> = {
  census_ho: `${COMMON}, ma_ho VARCHAR, commune_code VARCHAR, thon VARCHAR, thu_nhap_binh_quan BIGINT,
    dien_luoi BOOLEAN, nuoc_hop_ve_sinh BOOLEAN, vung_nguy_co BOOLEAN, da_bo_tri BOOLEAN`,
  census_nhan_khau: `${COMMON}, ma_ho VARCHAR, stt INTEGER, so_dinh_danh_hash VARCHAR, gioi_tinh VARCHAR,
    ngay_sinh DATE, nam_sinh INTEGER, dan_toc VARCHAR, quan_he_chu_ho VARCHAR, biet_doc_viet BOOLEAN, dao_tao_nghe BOOLEAN`,
  school_truong: `${COMMON}, ma_truong VARCHAR, ten_truong VARCHAR, commune_code VARCHAR, loai_truong VARCHAR,
    dat_chuan_quoc_gia BOOLEAN, so_phong_hoc INTEGER, so_phong_kien_co INTEGER, co_hoc_sinh_ban_tru BOOLEAN`,
  school_hoc_sinh: `${COMMON}, ma_hoc_sinh_hash VARCHAR, ngay_sinh DATE, nam_sinh INTEGER, gioi_tinh VARCHAR,
    dan_toc VARCHAR, commune_code VARCHAR, ma_truong VARCHAR, cap_hoc VARCHAR, lop VARCHAR, noi_tru VARCHAR`,
  health_insurance_the_bhyt: `${COMMON}, ma_the_hash VARCHAR, so_dinh_danh_hash VARCHAR, ngay_sinh DATE, nam_sinh INTEGER,
    gioi_tinh VARCHAR, dan_toc VARCHAR, commune_code VARCHAR, gia_tri_tu DATE, gia_tri_den DATE`,
  poverty_ho_ngheo: `${COMMON}, ma_ho VARCHAR, commune_code VARCHAR, thon VARCHAR, dan_toc_chu_ho VARCHAR,
    so_nhan_khau INTEGER, phan_loai VARCHAR, so_chi_so_thieu_hut INTEGER`,
  staff_can_bo: `${COMMON}, ma_can_bo_hash VARCHAR, gioi_tinh VARCHAR, dan_toc VARCHAR, cap VARCHAR, loai VARCHAR,
    giao_vien BOOLEAN, trinh_do VARCHAR, chu_chot BOOLEAN, boi_duong_qlkt BOOLEAN, ngay_sinh DATE, nam_sinh INTEGER, commune_code VARCHAR`,
  villages_thon: `${COMMON}, ten_thon VARCHAR, xa_cu VARCHAR, mat_duong VARCHAR, doi_van_nghe BOOLEAN, thon_van_hoa BOOLEAN,
    tiep_can_thong_tin BOOLEAN, commune_code VARCHAR, ten_thon_khoa VARCHAR, doi_hoat_dong_thuong_xuyen BOOLEAN`,
  villages_xa: `${COMMON}, doi_van_nghe_xa BOOLEAN, tiep_can_thong_tin BOOLEAN, commune_code VARCHAR`,
  activities_to_chuc_dang: `${COMMON}, ten_to_chuc VARCHAR, co_ke_hoach BOOLEAN, ngay_ban_hanh DATE, ten_to_chuc_khoa VARCHAR`,
  activities_hoat_dong: `${COMMON}, so_thu_tu VARCHAR, ngay DATE, loai VARCHAR, cap VARCHAR, so_luong INTEGER, commune_code VARCHAR`,
  health_sinh_de: `${COMMON}, so_phieu VARCHAR, so_dinh_danh_me_hash VARCHAR, dan_toc_me VARCHAR, ngay_de DATE, lan_sinh INTEGER,
    so_lan_kham_thai INTEGER, noi_de VARCHAR, ngay_sinh_me DATE, nam_sinh_me INTEGER, commune_code VARCHAR`,
  health_can_tre: `${COMMON}, ma_tre_hash VARCHAR, ngay_sinh DATE, gioi_tinh VARCHAR, dan_toc VARCHAR, ngay_can DATE,
    can_nang DOUBLE, commune_code VARCHAR, age_days INTEGER, weight_for_age_z DOUBLE`,
  civil_registration_hon_nhan: `${COMMON}, so_thu_tu VARCHAR, ngay DATE, dan_toc_chong VARCHAR, dan_toc_vo VARCHAR, da_dang_ky BOOLEAN,
    can_huyet BOOLEAN, commune_code VARCHAR, ngay_sinh_chong DATE, nam_sinh_chong INTEGER, ngay_sinh_vo DATE, nam_sinh_vo INTEGER`,
  quarantine: `source VARCHAR, table_name VARCHAR, file VARCHAR, "row" INTEGER, "column" VARCHAR, "value" VARCHAR,
    reason VARCHAR, "action" VARCHAR, year INTEGER, code VARCHAR, params VARCHAR`,
  files: `source VARCHAR, table_name VARCHAR, year INTEGER, file VARCHAR, sha256 VARCHAR, rows_read INTEGER,
    rows_loaded INTEGER, rows_quarantined INTEGER, rows_skipped INTEGER, warnings VARCHAR[]`,
  warnings: 'source VARCHAR, year INTEGER, file VARCHAR, code VARCHAR, message VARCHAR, params VARCHAR',
};

/** Creates schema `ingest` and every contract table that is missing; existing tables are left as they are. */
export async function ensureIngestTables(db: Db): Promise<void> {
  await db.run('create schema if not exists ingest');
  for (const [table, columns] of Object.entries(INGEST_TABLES)) {
    await db.run(`create table if not exists ingest.${table} (${columns})`);
  }
}
