-- Communes at 31 Dec YEAR (ingest.villages_xa): rename and cast, no joins.
with source as (
    select * from ingest.villages_xa
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 12, 31) as reference_date,
        lpad(trim(commune_code), 5, '0') as commune_code,
        cast(doi_van_nghe_xa as boolean) as doi_van_nghe_xa,
        cast(tiep_can_thong_tin as boolean) as tiep_can_thong_tin,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
