select * from changes_info
