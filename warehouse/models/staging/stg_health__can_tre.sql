-- Children under five weighed at the June nutrition surveillance (ingest.health_can_tre), reference date
-- 31 Dec YEAR. weight_for_age_z (WHO 2006) is computed at ingestion, where an implausible one blanks the
-- weight into the quarantine; it is NULL for an unknown weight and for a child older than 1826 days.
with source as (
    select * from ingest.health_can_tre
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 12, 31) as reference_date,
        ma_tre_hash,
        ngay_sinh,
        nfc_normalize(trim(gioi_tinh)) as gioi_tinh,
        lpad(trim(dan_toc), 2, '0') as dan_toc,
        lpad(trim(commune_code), 5, '0') as commune_code,
        ngay_can,
        cast(can_nang as double) as can_nang,
        cast(age_days as integer) as age_days,
        cast(age_days as integer) <= 1826 as under_five,
        cast(weight_for_age_z as double) as weight_for_age_z,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
