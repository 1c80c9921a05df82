select * from dq_completeness
