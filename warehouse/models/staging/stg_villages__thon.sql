-- Villages and residential groups at 31 Dec YEAR (ingest.villages_thon): rename and cast, no joins.
with source as (
    select * from ingest.villages_thon
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 12, 31) as reference_date,
        lpad(trim(commune_code), 5, '0') as commune_code,
        ten_thon,
        ten_thon_khoa,
        xa_cu,
        mat_duong,
        cast(doi_van_nghe as boolean) as doi_van_nghe,
        cast(doi_hoat_dong_thuong_xuyen as boolean) as doi_hoat_dong_thuong_xuyen,
        cast(thon_van_hoa as boolean) as thon_van_hoa,
        cast(tiep_can_thong_tin as boolean) as tiep_can_thong_tin,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
