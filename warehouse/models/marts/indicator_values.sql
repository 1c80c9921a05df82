-- Every indicator value at every grain (OUTPUTS.md columns first), with the baseline, target and
-- status of the plan in force for its year, and flags. Targets are data (ref.plan_targets: the
-- catalog's 2021–2025 plan and any plan file) and so is what each kind of target means
-- (ref.target_kinds), method breaks too (ref.indicators). The plan in force
-- for a year is, per indicator, the one with the earliest target year not before it; after the last
-- target year, the last plan (2026 data are judged against the 2025 targets until a new plan exists).
-- A year's rows read only the years up to it (the previous year, the baseline, the trend; a row
-- before its plan's baseline year has no baseline), so a changed year rebuilds the years from it on:
-- grain: years-to-date (warehouse/README.md)
with computed as (
    select * from intermediate.int_indicator_values
),

catalog as (
    select * from ref.indicators
    where has_source
),

geographies as (
    select * from marts.geographies
),

ethnic_groups as (
    select * from marts.ethnic_groups
),

plans as (
    select * from ref.plan_targets
),

-- what a target kind means (packages/indicators/src/targets.ts, TARGET_KINDS)
target_kinds as (
    select * from ref.target_kinds
),

plan_in_force as (
    select
        y.indicator_id,
        y.year,
        arg_min(p.plan_id, p.target_year) filter (where p.target_year >= y.year) as next_plan,
        arg_max(p.plan_id, p.target_year) as last_plan
    from (select distinct indicator_id, year from computed) as y
    join plans as p on p.indicator_id = y.indicator_id
    group by all
),

with_catalog as (
    select
        c.*,
        k.sort_order,
        k.unit,
        k.direction,
        p.plan_id,
        p.target_kind,
        tk.target_level,
        tk.target_comparison,
        tk.target_yearly_points,
        tk.target_on_track_line,
        tk.target_zero_achieves,
        p.target_value as target_parameter,
        p.target_year,
        p.baseline_year,
        k.change_vs_baseline,
        k.method_break_after_year
    from computed as c
    join catalog as k on k.indicator_id = c.indicator_id
    join plan_in_force as f on f.indicator_id = c.indicator_id and f.year = c.year
    join plans as p on p.indicator_id = c.indicator_id and p.plan_id = coalesce(f.next_plan, f.last_plan)
    join target_kinds as tk on tk.target_kind = p.target_kind
),

with_baseline as (
    select
        w.*,
        -- a row before its plan's baseline year has no baseline (it reads no later year)
        case when w.baseline_year <= w.year then b.value end as baseline_value,
        py.value as previous_value
    from with_catalog as w
    left join computed as b
        on b.indicator_id = w.indicator_id
        and b.year = w.baseline_year
        and b.geo_level = w.geo_level
        and b.geo_code = w.geo_code
        and b.ethnic_group = w.ethnic_group
        and b.sex = w.sex
    left join computed as py
        on py.indicator_id = w.indicator_id
        and py.year = w.year - 1
        and py.geo_level = w.geo_level
        and py.geo_code = w.geo_code
        and py.ethnic_group = w.ethnic_group
        and py.sex = w.sex
),

-- the communes in force in a year: the 2020 frame's while the indicator has rows for it, else the 2025 frame's
commune_frame as (
    select
        indicator_id,
        year,
        case when bool_or(geo_level = 'commune_2020') then 'commune_2020' else 'commune_2025' end as frame_level
    from computed
    group by all
),

-- a target every commune must meet: how many communes in force there are and how many met it
every_commune as (
    select
        w.indicator_id,
        w.year,
        w.ethnic_group,
        w.sex,
        count(*) as communes_in_force,
        count(*) filter (where case w.target_comparison
            when '>=' then w.value >= w.target_parameter - 1e-9
            when '>' then w.value > w.target_parameter + 1e-9
            when '<' then w.value < w.target_parameter - 1e-9
            when '<=' then w.value <= w.target_parameter + 1e-9
        end) as communes_met
    from with_baseline as w
    join commune_frame as f on f.indicator_id = w.indicator_id and f.year = w.year and f.frame_level = w.geo_level
    where w.target_level = 'every_commune'
    group by all
),

with_communes as (
    select
        w.*,
        e.communes_in_force,
        e.communes_met
    from with_baseline as w
    left join every_commune as e
        on w.geo_level = 'area'
        and e.indicator_id = w.indicator_id
        and e.year = w.year
        and e.ethnic_group = w.ethnic_group
        and e.sex = w.sex
),

with_target as (
    select
        *,
        case
            -- what a target kind means is declared once: @dtts/indicators TARGET_KINDS, via ref.target_kinds
            when target_level = 'parameter' then target_parameter
            when target_level = 'times_baseline' then target_parameter * baseline_value
            when target_level = 'previous_year_less_percent' then (1 - target_parameter / 100) * previous_value
            when target_level = 'every_commune' and geo_level = 'area' then target_parameter * communes_in_force
            when target_level = 'every_commune' then target_parameter
        end as target,
        case change_vs_baseline
            when 'ratio' then value / nullif(baseline_value, 0)
            else value - baseline_value
        end as change_vs_baseline_value
    from with_communes
),

-- yearly changes within one method: a pair of years straddling a method break is not progress
yearly_changes as (
    select
        cur.indicator_id,
        cur.year,
        cur.geo_level,
        cur.geo_code,
        cur.ethnic_group,
        cur.sex,
        cur.value - prev.value as yearly_change
    from with_target as cur
    join with_target as prev
        on prev.indicator_id = cur.indicator_id
        and prev.year = cur.year - 1
        and prev.geo_level = cur.geo_level
        and prev.geo_code = cur.geo_code
        and prev.ethnic_group = cur.ethnic_group
        and prev.sex = cur.sex
    where cur.target_yearly_points
        and not coalesce(prev.year <= cur.method_break_after_year and cur.year > cur.method_break_after_year, false)
),

trend as (
    select
        r.indicator_id,
        r.year,
        r.geo_level,
        r.geo_code,
        r.ethnic_group,
        r.sex,
        avg(y.yearly_change) as avg_yearly_change
    from with_target as r
    join yearly_changes as y
        on y.indicator_id = r.indicator_id
        and y.year <= r.year
        -- only changes within the standard in force in the row's year (none yet in its first year)
        and (r.method_break_after_year is null or (y.year > r.method_break_after_year) = (r.year > r.method_break_after_year))
        -- and within the plan: a later plan's pace is measured from its own baseline
        and y.year > r.baseline_year
        and y.geo_level = r.geo_level
        and y.geo_code = r.geo_code
        and y.ethnic_group = r.ethnic_group
        and y.sex = r.sex
    group by all
),

with_trend as (
    select
        t.*,
        tr.avg_yearly_change,
        -- the straight line from the baseline to the target, at this year
        t.baseline_value + (t.target - t.baseline_value)
            * (t.year - t.baseline_year) / (t.target_year - t.baseline_year) as expected_on_line
    from with_target as t
    left join trend as tr
        on tr.indicator_id = t.indicator_id
        and tr.year = t.year
        and tr.geo_level = t.geo_level
        and tr.geo_code = t.geo_code
        and tr.ethnic_group = t.ethnic_group
        and tr.sex = t.sex
),

-- 1e-9 absorbs floating-point noise in values that sit exactly on a threshold
with_status as (
    select
        *,
        case
            when target_yearly_points then
                case
                    when avg_yearly_change is null then 'no_data'
                    when avg_yearly_change <= -target_parameter + 1e-9 then 'achieved'
                    when year >= target_year then 'not_achieved'
                    else 'off_track'
                end
            when target is null then 'no_data'
            -- the area meets an every-commune target only when every commune in force does
            when target_level = 'every_commune' and geo_level = 'area' then
                case
                    when communes_met = communes_in_force then 'achieved'
                    when year >= target_year then 'not_achieved'
                    else 'off_track'
                end
            when target_zero_achieves and value = 0 then 'achieved'
            when target_comparison = '>' and value > target + 1e-9 then 'achieved'
            when target_comparison = '>=' and value >= target - 1e-9 then 'achieved'
            when target_comparison = '<' and value < target - 1e-9 then 'achieved'
            when target_comparison = '<=' and value <= target + 1e-9 then 'achieved'
            -- in (or after) the target year there is no line left to be on: the target was met or not
            when year >= target_year then 'not_achieved'
            -- counts judged year by year have no line from the baseline to be on
            when not target_on_track_line then 'off_track'
            when baseline_value is null or target_year = baseline_year then 'no_data'
            when direction = 'higher_is_better' and value >= expected_on_line - 1e-9 then 'on_track'
            when direction = 'lower_is_better' and value <= expected_on_line + 1e-9 then 'on_track'
            else 'off_track'
        end as status
    from with_trend
),

with_flags as (
    select
        s.*,
        g.name as geo_name,
        e.name_vi as ethnic_name,
        case s.geo_level when 'area' then 1 when 'commune_2025' then 2 else 3 end as geo_order,
        coalesce(e.sort_order, 999) as ethnic_order,
        nullif(concat_ws(';',
            case when s.unit = 'percent' and s.value > 100 + 1e-9 then 'over_100' end,
            case when g.partial_baseline_from_year is not null and s.year >= g.partial_baseline_from_year
                then 'baseline_partial_territory' end,
            case when s.method_break_after_year is not null
                and s.baseline_year <= s.method_break_after_year and s.year > s.method_break_after_year
                then 'method_break' end,
            case when s.denominator < 20 then 'small_denominator' end
        ), '') as flags
    from with_status as s
    left join geographies as g on g.geo_level = s.geo_level and g.geo_code = s.geo_code
    left join ethnic_groups as e on e.ethnic_group = s.ethnic_group
),

final as (
    select
        indicator_id,
        year,
        geo_level,
        geo_code,
        ethnic_group,
        sex,
        numerator,
        denominator,
        value,
        target,
        status,
        flags,
        baseline_value,
        change_vs_baseline_value as change_vs_baseline,
        geo_name,
        ethnic_name,
        unit,
        avg_yearly_change,
        plan_id,
        baseline_year,
        target_year
    from with_flags
    order by sort_order, year, geo_order, geo_code, ethnic_order, ethnic_group,
        case sex when 'ALL' then 1 when 'Nam' then 2 else 3 end
)

select * from final
