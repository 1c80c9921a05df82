-- The ethnic-group values of indicator rows: ALL, DTTS (codes 02–54) and each 1979 code.
with groups as (
    select * from ref.ethnic_groups
),

aggregates as (
    select * from (values
        ('ALL', 'Tất cả các dân tộc', 'All ethnic groups', cast(null as boolean), 'all', 1),
        ('DTTS', 'Dân tộc thiểu số', 'Ethnic minorities (codes 02–54)', true, 'dtts', 2)
    ) as t(ethnic_group, name_vi, name_en, is_minority, kind, sort_order)
),

codes as (
    select
        code as ethnic_group,
        name_vi,
        name_ascii as name_en,
        is_minority,
        'group' as kind,
        2 + cast(code as integer) as sort_order
    from groups
),

unioned as (
    select * from aggregates
    union all
    select * from codes
)

select * from unioned
