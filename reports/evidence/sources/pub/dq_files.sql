select * from dq_files
