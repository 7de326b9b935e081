ALTER TABLE doc DROP COLUMN pages;
DELETE FROM doc WHERE title IN ('a', 'b');
