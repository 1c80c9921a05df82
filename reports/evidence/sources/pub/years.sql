select * from years
