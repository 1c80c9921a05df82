-- Schools by the commune where they stand (school-level indicators have no ethnic or sex split).
-- grain: year (a year's rows read only that year's rows: rebuilt per changed year, warehouse/README.md)
with schools as (
    select * from staging.stg_school__truong
),

communes as (
    select * from intermediate.int_commune_map
),

joined as (
    select
        s.year,
        s.ma_truong,
        s.commune_code,
        m.commune_2020,
        m.commune_2025,
        cast(null as varchar) as ethnic_group,
        cast(null as varchar) as sex,
        s.loai_truong,
        s.dat_chuan_quoc_gia,
        s.so_phong_hoc,
        s.so_phong_kien_co,
        s.co_hoc_sinh_ban_tru,
        s.source_file,
        s.source_row
    from schools as s
    left join communes as m
        on m.code = s.commune_code and s.reference_date between m.valid_from and m.valid_to
)

select * from joined
