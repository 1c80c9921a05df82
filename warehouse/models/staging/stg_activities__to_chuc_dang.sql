-- Party organisations directly under the district party committee (ingest.activities_to_chuc_dang): rename and cast, no joins.
with source as (
    select * from ingest.activities_to_chuc_dang
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 12, 31) as reference_date,
        ten_to_chuc,
        ten_to_chuc_khoa,
        cast(co_ke_hoach as boolean) as co_ke_hoach,
        cast(ngay_ban_hanh as date) as ngay_ban_hanh,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
