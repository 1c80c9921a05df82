-- Activities held in the year (ingest.activities_hoat_dong): rename and cast, no joins.
with source as (
    select * from ingest.activities_hoat_dong
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 12, 31) as reference_date,
        so_thu_tu,
        cast(ngay as date) as ngay,
        loai,
        cap,
        lpad(trim(commune_code), 5, '0') as commune_code,
        -- SOURCES.md §7: a blank or blanked count counts as 1.
        coalesce(cast(so_luong as integer), 1) as so_luong,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
