-- Quarantined rows and blanked values (ingest.quarantine); PII values arrive masked. A reason is a
-- code of @dtts/messages with its parameters (JSON); reason_en is its English wording.
-- grain: year (a year's rows read only that year's rows: rebuilt per changed year, warehouse/README.md)
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
        code as reason_code,
        params as reason_params,
        reason as reason_en,
        "action" as quarantine_action
    from source
)

select * from renamed
