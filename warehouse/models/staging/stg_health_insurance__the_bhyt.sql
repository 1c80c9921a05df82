-- Health-insurance cards (ingest.health_insurance_the_bhyt), reference date 31 Dec YEAR. A card may repeat.
with source as (
    select * from ingest.health_insurance_the_bhyt
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 12, 31) as reference_date,
        ma_the_hash,
        nullif(trim(so_dinh_danh_hash), '') as so_dinh_danh_hash,
        ngay_sinh,
        cast(coalesce(nam_sinh, year(ngay_sinh)) as integer) as nam_sinh,
        nfc_normalize(trim(gioi_tinh)) as gioi_tinh,
        lpad(trim(dan_toc), 2, '0') as dan_toc,
        lpad(trim(commune_code), 5, '0') as commune_code,
        gia_tri_tu,
        gia_tri_den,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
