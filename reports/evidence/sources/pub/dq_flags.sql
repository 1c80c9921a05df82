select * from dq_flags
