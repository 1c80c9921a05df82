select * from indicators
