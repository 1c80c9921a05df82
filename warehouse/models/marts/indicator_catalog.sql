-- One row per catalog entry (@dtts/indicators), including the targets still waiting for a source.
with catalog as (
    select * from ref.indicators
),

final as (
    select
        indicator_id as id,
        indicator_id,
        sort_order,
        clause,
        name_vi,
        name_en,
        unit,
        direction,
        numerator_text,
        denominator_text,
        target_kind,
        target_value,
        target_text_vi,
        target_year,
        baseline_year,
        change_vs_baseline,
        method_break_after_year,
        method_note,
        disaggregations,
        source,
        has_source,
        about_persons,
        district_level,
        last_year,
        last_year_note_vi
    from catalog
)

select * from final
