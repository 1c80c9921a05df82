select * from changes_files
