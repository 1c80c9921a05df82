-- One row per source file read by ingestion (ingest.files).
-- grain: year (a year's rows read only that year's rows: rebuilt per changed year, warehouse/README.md)
with source as (
    select * from ingest.files
),

renamed as (
    select
        source,
        table_name,
        cast(year as integer) as year,
        file,
        sha256,
        rows_read,
        rows_loaded,
        rows_quarantined,
        rows_skipped,
        warnings
    from source
)

select * from renamed
