select * from dq_quarantine
