-- Census households with their head (the member marked `Chủ hộ`, else the lowest stt), whose
-- ethnic group is the household's, and their size (members listed in nhan_khau).
-- grain: year (a year's rows read only that year's rows: rebuilt per changed year, warehouse/README.md)
with households as (
    select * from staging.stg_census__ho
),

-- every census person, with is_marked_head decided once in int_persons
persons as (
    select year, ma_ho, stt, ethnic_group as dan_toc, is_marked_head from intermediate.int_persons
),

communes as (
    select * from intermediate.int_commune_map
),

heads as (
    select
        year,
        ma_ho,
        stt as head_stt,
        dan_toc as head_ethnic_group
    from persons
    qualify row_number() over (
        partition by year, ma_ho
        order by is_marked_head desc, stt
    ) = 1
),

sizes as (
    select
        year,
        ma_ho,
        count(*) as household_size
    from persons
    group by year, ma_ho
),

joined as (
    select
        h.year,
        h.ma_ho,
        h.commune_code,
        m.commune_2020,
        m.commune_2025,
        hd.head_ethnic_group as ethnic_group,
        cast(null as varchar) as sex,
        hd.head_stt,
        coalesce(s.household_size, 0) as household_size,
        h.thu_nhap_binh_quan,
        h.dien_luoi,
        h.nuoc_hop_ve_sinh,
        h.vung_nguy_co,
        h.da_bo_tri,
        h.source_file,
        h.source_row
    from households as h
    left join heads as hd
        on hd.year = h.year and hd.ma_ho = h.ma_ho
    left join sizes as s
        on s.year = h.year and s.ma_ho = h.ma_ho
    left join communes as m
        on m.code = h.commune_code and h.reference_date between m.valid_from and m.valid_to
)

select * from joined
