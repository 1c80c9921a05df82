select * from scorecard
