select * from changes_headline
