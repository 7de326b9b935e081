-- Forgets ENGINE=InnoDB.
SELECT 1;
