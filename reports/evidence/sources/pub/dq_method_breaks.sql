select * from dq_method_breaks
