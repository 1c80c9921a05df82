select * from matrix
