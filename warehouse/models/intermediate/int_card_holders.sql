-- Distinct persons holding a health-insurance card valid at 31 Dec YEAR (both ends of the
-- validity window included). A person is their citizen-id hash where any listing of the card
-- has one, else the card hash: a card listed twice counts once, two cards of one citizen once.
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

card_holder_ids as (
    select
        year,
        ma_the_hash,
        max(so_dinh_danh_hash) as so_dinh_danh_hash
    from valid_cards
    group by year, ma_the_hash
),

keyed as (
    select
        v.*,
        coalesce(k.so_dinh_danh_hash, v.ma_the_hash) as holder_key
    from valid_cards as v
    join card_holder_ids as k
        on k.year = v.year and k.ma_the_hash = v.ma_the_hash
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
