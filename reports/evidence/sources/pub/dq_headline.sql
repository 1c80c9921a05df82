select * from dq_headline
