select * from dq_suppression
