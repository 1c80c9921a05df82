select * from changes_summary
