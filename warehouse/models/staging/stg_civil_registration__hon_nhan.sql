-- Couples recorded in the year (ingest.civil_registration_hon_nhan), reference date 31 Dec YEAR: marriages
-- registered and unions found without registration. Spouses' names never reach here (dropped at ingestion).
with source as (
    select * from ingest.civil_registration_hon_nhan
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 12, 31) as reference_date,
        trim(so_thu_tu) as so_thu_tu,
        lpad(trim(commune_code), 5, '0') as commune_code,
        ngay,
        ngay_sinh_chong,
        cast(nam_sinh_chong as integer) as nam_sinh_chong,
        ngay_sinh_vo,
        cast(nam_sinh_vo as integer) as nam_sinh_vo,
        -- The census rule: the year of the event minus the birth year.
        cast(year(ngay) - nam_sinh_chong as integer) as tuoi_chong,
        cast(year(ngay) - nam_sinh_vo as integer) as tuoi_vo,
        lpad(trim(dan_toc_chong), 2, '0') as dan_toc_chong,
        lpad(trim(dan_toc_vo), 2, '0') as dan_toc_vo,
        -- A couple's ethnic group is the wife's (SOURCES.md §7).
        lpad(trim(dan_toc_vo), 2, '0') as dan_toc,
        da_dang_ky,
        can_huyet,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
