select * from dq_warnings
