-- Students by commune of residence, ethnic group and sex, with their school's type and whether
-- it has semi-boarders. Age is YEAR minus birth year.
-- grain: year (a year's rows read only that year's rows: rebuilt per changed year, warehouse/README.md)
with students as (
    select * from staging.stg_school__hoc_sinh
),

schools as (
    select * from staging.stg_school__truong
),

communes as (
    select * from intermediate.int_commune_map
),

joined as (
    select
        st.year,
        st.commune_code,
        m.commune_2020,
        m.commune_2025,
        st.dan_toc as ethnic_group,
        st.gioi_tinh as sex,
        st.year - st.nam_sinh as age,
        st.cap_hoc,
        st.noi_tru,
        st.ma_truong,
        sc.loai_truong as school_type,
        sc.co_hoc_sinh_ban_tru as school_has_semi_boarding,
        st.source_file,
        st.source_row
    from students as st
    left join schools as sc
        on sc.year = st.year and sc.ma_truong = st.ma_truong
    left join communes as m
        on m.code = st.commune_code and st.reference_date between m.valid_from and m.valid_to
)

select * from joined
