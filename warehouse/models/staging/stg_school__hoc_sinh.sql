-- Students (ingest.school_hoc_sinh), reference date 5 Sep YEAR; commune_code is the commune of residence.
with source as (
    select * from ingest.school_hoc_sinh
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 9, 5) as reference_date,
        ma_hoc_sinh_hash,
        ngay_sinh,
        cast(coalesce(nam_sinh, year(ngay_sinh)) as integer) as nam_sinh,
        nfc_normalize(trim(gioi_tinh)) as gioi_tinh,
        lpad(trim(dan_toc), 2, '0') as dan_toc,
        lpad(trim(commune_code), 5, '0') as commune_code,
        trim(ma_truong) as ma_truong,
        upper(trim(cap_hoc)) as cap_hoc,
        lop,
        nfc_normalize(trim(noi_tru)) as noi_tru,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
