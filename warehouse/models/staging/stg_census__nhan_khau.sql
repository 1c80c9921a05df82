-- Census persons (ingest.census_nhan_khau), reference date 1 Oct YEAR. The citizen-id hash is not carried on.
with source as (
    select * from ingest.census_nhan_khau
),

renamed as (
    select
        cast(year as integer) as year,
        make_date(cast(year as integer), 10, 1) as reference_date,
        trim(ma_ho) as ma_ho,
        cast(stt as integer) as stt,
        nfc_normalize(trim(gioi_tinh)) as gioi_tinh,
        ngay_sinh,
        cast(coalesce(nam_sinh, year(ngay_sinh)) as integer) as nam_sinh,
        lpad(trim(dan_toc), 2, '0') as dan_toc,
        quan_he_chu_ho,
        -- `Chủ hộ` marks the head; spelled with or without accents, any case
        coalesce(lower(strip_accents(trim(quan_he_chu_ho))) = 'chu ho', false) as is_marked_head,
        cast(biet_doc_viet as boolean) as biet_doc_viet,
        cast(dao_tao_nghe as boolean) as dao_tao_nghe,
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed
