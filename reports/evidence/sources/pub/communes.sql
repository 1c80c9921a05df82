select * from communes
