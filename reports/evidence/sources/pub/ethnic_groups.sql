select * from ethnic_groups
