-- Census persons with the commune of their household (both frames), age in calendar years and
-- what their household has. Persons whose household is missing keep NULL communes (a DQ check says so).
-- grain: year (a year's rows read only that year's rows: rebuilt per changed year, warehouse/README.md)
with persons as (
    select * from staging.stg_census__nhan_khau
),

households as (
    select * from staging.stg_census__ho
),

communes as (
    select * from intermediate.int_commune_map
),

joined as (
    select
        p.year,
        p.ma_ho,
        p.stt,
        h.commune_code,
        m.commune_2020,
        m.commune_2025,
        p.dan_toc as ethnic_group,
        p.gioi_tinh as sex,
        p.nam_sinh as birth_year,
        p.year - p.nam_sinh as age,
        -- `Chủ hộ` marks the head; spelled with or without accents, any case
        coalesce(lower(strip_accents(trim(p.quan_he_chu_ho))) = 'chu ho', false) as is_marked_head,
        p.biet_doc_viet,
        p.dao_tao_nghe,
        h.nuoc_hop_ve_sinh,
        p.source_file,
        p.source_row
    from persons as p
    left join households as h
        on h.year = p.year and h.ma_ho = p.ma_ho
    left join communes as m
        on m.code = h.commune_code and h.reference_date between m.valid_from and m.valid_to
)

select * from joined
