select * from dq_checks
