select * from run_info
