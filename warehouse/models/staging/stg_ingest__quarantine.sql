-- Quarantined rows and blanked values (ingest.quarantine); PII values arrive masked.
with source as (
    select * from ingest.quarantine
),

renamed as (
    select
        source,
        table_name,
        cast(year as integer) as year,
        file,
        "row" as source_row,
        "column" as column_name,
        "value" as raw_value,
        reason,
        "action" as quarantine_action
    from source
)

select * from renamed
