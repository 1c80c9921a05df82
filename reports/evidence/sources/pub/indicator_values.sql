select * from indicator_values
