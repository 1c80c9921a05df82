-- Deliveries registered in the year (ingest.health_sinh_de), reference date 31 Dec YEAR. Mother's names
-- and citizen ids never reach here: the id is a keyed hash, the names are dropped at ingestion.
with source as (
    select * from ingest.health_sinh_de
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 12, 31) as reference_date,
        trim(so_phieu) as so_phieu,
        nullif(trim(so_dinh_danh_me_hash), '') as so_dinh_danh_me_hash,
        ngay_sinh_me,
        cast(nam_sinh_me as integer) as nam_sinh_me,
        lpad(trim(dan_toc_me), 2, '0') as dan_toc_me,
        lpad(trim(commune_code), 5, '0') as commune_code,
        ngay_de,
        -- The census rule: the year of the event minus the birth year.
        cast(year(ngay_de) - nam_sinh_me as integer) as tuoi_me,
        cast(lan_sinh as integer) as lan_sinh,
        cast(so_lan_kham_thai as integer) as so_lan_kham_thai,
        noi_de,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
