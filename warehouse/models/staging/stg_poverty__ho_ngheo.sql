-- Poor and near-poor households of the yearly review (ingest.poverty_ho_ngheo), reference date 1 Nov YEAR.
with source as (
    select * from ingest.poverty_ho_ngheo
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 11, 1) as reference_date,
        trim(ma_ho) as ma_ho,
        lpad(trim(commune_code), 5, '0') as commune_code,
        thon,
        lpad(trim(dan_toc_chu_ho), 2, '0') as dan_toc_chu_ho,
        cast(so_nhan_khau as integer) as so_nhan_khau,
        lower(trim(phan_loai)) as phan_loai,
        cast(so_chi_so_thieu_hut as integer) as so_chi_so_thieu_hut,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
