-- Ingestion warnings (ingest.warnings): legacy encodings converted, abolished codes mapped forward, …
with source as (
    select * from ingest.warnings
),

renamed as (
    select
        source,
        cast(year as integer) as year,
        file,
        code as warning_code,
        message
    from source
)

select * from renamed
