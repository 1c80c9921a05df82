-- Every commune code with its period of validity and the communes it counts in: its 2020-frame
-- commune (before 1 Jul 2025) and its 2025-frame commune (through the crosswalk for older codes).
-- Codes are re-used (02947 is Phố Ràng before the reform, Xã Bảo Yên after), so a record is
-- matched on code AND its source's reference date.
with communes as (
    select * from ref.communes
),

crosswalk as (
    select * from ref.crosswalk_2025
),

frame_2020 as (
    select
        c.code,
        c.frame,
        c.valid_from,
        coalesce(c.valid_to, date '9999-12-31') as valid_to,
        c.code as commune_2020,
        x.new_code as commune_2025
    from communes as c
    left join crosswalk as x on x.old_code = c.code
    where c.frame = '2020'
),

frame_2025 as (
    select
        code,
        frame,
        valid_from,
        coalesce(valid_to, date '9999-12-31') as valid_to,
        cast(null as varchar) as commune_2020,
        code as commune_2025
    from communes
    where frame = '2025'
),

unioned as (
    select * from frame_2020
    union all
    select * from frame_2025
)

select * from unioned
