-- The geographies indicator values are given for: the area, the 6 communes of the 2025 frame and
-- the 17 of the 2020 frame. A 2025 commune that took in units Bảo Yên did not have in 2020
-- (new Xã Bảo Hà: Tân An, Tân Thượng from Văn Bàn) has a baseline that misses them.
with communes as (
    select * from ref.communes
),

crosswalk as (
    select * from ref.crosswalk_2025
),

outside_bao_yen_2020 as (
    select
        new_code,
        string_agg(old_name || ' (' || old_code || ')', ', ' order by old_code) as missing_units
    from crosswalk
    where not in_bao_yen_2020
    group by new_code
),

reused_codes as (
    select old_code as code, old_name, new_name
    from crosswalk
    where old_code = new_code and old_name <> new_name
),

first_year_2025_frame as (
    select min(year(valid_from)) as first_year
    from communes
    where frame = '2025'
),

area as (
    select
        'area' as geo_level,
        'BAO_YEN' as geo_code,
        'Bảo Yên' as name,
        'all' as frame,
        cast(null as varchar) as parent_2025_code,
        case when exists (select 1 from outside_bao_yen_2020) then (select first_year from first_year_2025_frame) end
            as partial_baseline_from_year,
        'The 17 communes of the 2020 frame before 2025, the 6 communes of the 2025 frame from 2025'
            || coalesce('; from 2025 it includes ' || (select string_agg(missing_units, ', ') from outside_bao_yen_2020)
                || ', which the 2020 baseline does not cover', '') as note
    from (select 1)
),

commune_2025 as (
    select
        'commune_2025' as geo_level,
        c.code as geo_code,
        c.name,
        '2025' as frame,
        cast(null as varchar) as parent_2025_code,
        case when o.new_code is not null then 2020 end as partial_baseline_from_year,
        concat_ws('; ',
            case when o.new_code is not null then
                'Values before 2025 and the 2020 baseline do not cover ' || o.missing_units
                || ' (not in Bảo Yên before 1 Jul 2025)' end,
            case when r.code is not null then
                'Code ' || r.code || ' was ' || r.old_name || ' before 1 Jul 2025' end
        ) as note
    from communes as c
    left join outside_bao_yen_2020 as o on o.new_code = c.code
    left join reused_codes as r on r.code = c.code
    where c.frame = '2025'
),

commune_2020 as (
    select
        'commune_2020' as geo_level,
        c.code as geo_code,
        c.name,
        '2020' as frame,
        x.new_code as parent_2025_code,
        cast(null as integer) as partial_baseline_from_year,
        case when r.code is not null then
            'Code ' || r.code || ' is ' || r.new_name || ' (a larger commune) from 1 Jul 2025' end as note
    from communes as c
    left join crosswalk as x on x.old_code = c.code
    left join reused_codes as r on r.code = c.code
    where c.frame = '2020'
),

unioned as (
    select * from area
    union all
    select * from commune_2025
    union all
    select * from commune_2020
),

final as (
    select
        geo_level,
        geo_code,
        name,
        frame,
        parent_2025_code,
        partial_baseline_from_year,
        nullif(note, '') as note
    from unioned
    order by case geo_level when 'area' then 1 when 'commune_2025' then 2 else 3 end, geo_code
)

select * from final
