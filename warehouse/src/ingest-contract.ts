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
