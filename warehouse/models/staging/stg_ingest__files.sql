-- One row per source file read by ingestion (ingest.files).
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
