-- Census households (ingest.census_ho), reference date 1 Oct YEAR.
with source as (
    select * from ingest.census_ho
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 10, 1) as reference_date,
        trim(ma_ho) as ma_ho,
        lpad(trim(commune_code), 5, '0') as commune_code,
        thon,
        cast(thu_nhap_binh_quan as bigint) as thu_nhap_binh_quan,
        cast(dien_luoi as boolean) as dien_luoi,
        cast(nuoc_hop_ve_sinh as boolean) as nuoc_hop_ve_sinh,
        cast(vung_nguy_co as boolean) as vung_nguy_co,
        cast(da_bo_tri as boolean) as da_bo_tri,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
