-- Schools (ingest.school_truong), reference date 5 Sep YEAR (school year YEAR–YEAR+1).
with source as (
    select * from ingest.school_truong
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 9, 5) as reference_date,
        trim(ma_truong) as ma_truong,
        ten_truong,
        lpad(trim(commune_code), 5, '0') as commune_code,
        upper(trim(loai_truong)) as loai_truong,
        cast(dat_chuan_quoc_gia as boolean) as dat_chuan_quoc_gia,
        cast(so_phong_hoc as integer) as so_phong_hoc,
        cast(so_phong_kien_co as integer) as so_phong_kien_co,
        cast(co_hoc_sinh_ban_tru as boolean) as co_hoc_sinh_ban_tru,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
