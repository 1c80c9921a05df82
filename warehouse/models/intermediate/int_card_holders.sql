-- Distinct persons holding a health-insurance card valid at 31 Dec YEAR (both ends of the
-- validity window included). A person is their citizen-id hash where any listing of the card
-- has one, else the card hash: a card listed twice counts once, two cards of one citizen once.
-- grain: year (a year's rows read only that year's rows: rebuilt per changed year, warehouse/README.md)
with cards as (
    select * from staging.stg_health_insurance__the_bhyt
),

communes as (
    select * from intermediate.int_commune_map
),

valid_cards as (
    select *
    from cards
    where gia_tri_tu <= reference_date and reference_date <= gia_tri_den
),

-- a card's holder: the citizen-id hash its listings have (the greatest where they differ), else the card
-- (a window, not a join back to a grouped copy: one scan, and a year filter reaches the card table)
keyed as (
    select
        *,
        coalesce(max(so_dinh_danh_hash) over (partition by year, ma_the_hash), ma_the_hash) as holder_key
    from valid_cards
),

-- one listing per person decides where and in which group they count: the latest-ending card
holders as (
    select *
    from keyed
    qualify row_number() over (
        partition by year, holder_key
        order by gia_tri_den desc, ma_the_hash, source_file, source_row
    ) = 1
),

located as (
    select
        h.year,
        h.holder_key,
        h.commune_code,
        m.commune_2020,
        m.commune_2025,
        h.dan_toc as ethnic_group,
        h.gioi_tinh as sex,
        h.year - h.nam_sinh as age,
        h.source_file,
        h.source_row
    from holders as h
    left join communes as m
        on m.code = h.commune_code and h.reference_date between m.valid_from and m.valid_to
)

select * from located
