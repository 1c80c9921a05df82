-- Ingestion warnings (ingest.warnings): legacy encodings converted, abolished codes mapped forward, …
-- A warning is a code of @dtts/messages with its parameters (JSON); message_en is its English wording.
-- grain: year (a year's rows read only that year's rows: rebuilt per changed year, warehouse/README.md)
with source as (
    select * from ingest.warnings
),

renamed as (
    select
        source,
        cast(year as integer) as year,
        file,
        code as warning_code,
        params as warning_params,
        message as message_en
    from source
)

select * from renamed
