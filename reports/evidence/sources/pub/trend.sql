select * from trend
