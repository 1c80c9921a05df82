select * from reorganisation
