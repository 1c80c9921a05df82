-- Households of the poverty review, by commune and the ethnic group of the head (dan_toc_chu_ho).
-- grain: year (a year's rows read only that year's rows: rebuilt per changed year, warehouse/README.md)
with poverty as (
    select * from staging.stg_poverty__ho_ngheo
),

communes as (
    select * from intermediate.int_commune_map
),

joined as (
    select
        p.year,
        p.ma_ho,
        p.commune_code,
        m.commune_2020,
        m.commune_2025,
        p.dan_toc_chu_ho as ethnic_group,
        cast(null as varchar) as sex,
        p.phan_loai,
        p.so_nhan_khau,
        p.source_file,
        p.source_row
    from poverty as p
    left join communes as m
        on m.code = p.commune_code and p.reference_date between m.valid_from and m.valid_to
)

select * from joined
