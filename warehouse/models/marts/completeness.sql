-- Rows per source table × commune × year, for every commune in force at the source's reference
-- date and every year the run covers. A commune with no rows where the source has rows that year
-- is `missing_commune`; a source with no rows at all that year is `missing_source_year`.
-- grain: year (a year's rows read only that year's counts, and the communes: rebuilt per changed year, warehouse/README.md)
with source_tables as (
    select * from (values
        ('census', 'ho', 10, 1),
        ('census', 'nhan_khau', 10, 1),
        ('school', 'truong', 9, 5),
        ('school', 'hoc_sinh', 9, 5),
        ('health-insurance', 'the_bhyt', 12, 31),
        ('poverty', 'ho_ngheo', 11, 1)
    ) as t(source, table_name, reference_month, reference_day)
),

-- each table's rows per year and commune, counted by a model of its own (warehouse/src/completeness.ts)
counted as (
    select 'ho' as table_name, year, commune_code, row_count from intermediate.int_row_counts__ho
    union all
    select 'nhan_khau', year, commune_code, row_count from intermediate.int_row_counts__nhan_khau
    union all
    select 'truong', year, commune_code, row_count from intermediate.int_row_counts__truong
    union all
    select 'hoc_sinh', year, commune_code, row_count from intermediate.int_row_counts__hoc_sinh
    union all
    select 'the_bhyt', year, commune_code, row_count from intermediate.int_row_counts__the_bhyt
    union all
    select 'ho_ngheo', year, commune_code, row_count from intermediate.int_row_counts__ho_ngheo
),

years as (
    select distinct year from counted
),

communes as (
    select * from ref.communes
),

expected as (
    select
        s.source,
        s.table_name,
        y.year,
        c.code as commune_code,
        c.name as commune_name,
        c.frame
    from source_tables as s
    cross join years as y
    join communes as c
        on make_date(y.year, s.reference_month, s.reference_day)
            between c.valid_from and coalesce(c.valid_to, date '9999-12-31')
),

source_years as (
    select table_name, year, cast(sum(row_count) as bigint) as rows_in_year
    from counted
    group by all
),

final as (
    select
        e.source,
        e.table_name,
        e.year,
        e.commune_code,
        e.commune_name,
        e.frame,
        coalesce(n.row_count, 0) as row_count,
        coalesce(sy.rows_in_year, 0) as source_rows_in_year,
        case
            when coalesce(sy.rows_in_year, 0) = 0 then 'missing_source_year'
            when coalesce(n.row_count, 0) = 0 then 'missing_commune'
            else 'ok'
        end as status
    from expected as e
    left join counted as n
        on n.table_name = e.table_name and n.year = e.year and n.commune_code = e.commune_code
    left join source_years as sy
        on sy.table_name = e.table_name and sy.year = e.year
    order by e.source, e.table_name, e.year, e.commune_code
)

select * from final
