-- forgets to add the notes back
SELECT 1;
