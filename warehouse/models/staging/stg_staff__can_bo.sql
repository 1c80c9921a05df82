-- Staff on the payroll at 31 Dec YEAR (ingest.staff_can_bo): rename and cast, no joins.
with source as (
    select * from ingest.staff_can_bo
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 12, 31) as reference_date,
        ma_can_bo_hash,
        gioi_tinh,
        ngay_sinh,
        cast(nam_sinh as integer) as nam_sinh,
        dan_toc,
        cap,
        lpad(trim(commune_code), 5, '0') as commune_code,
        loai,
        cast(giao_vien as boolean) as giao_vien,
        trinh_do,
        cast(chu_chot as boolean) as chu_chot,
        cast(boi_duong_qlkt as boolean) as boi_duong_qlkt,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
