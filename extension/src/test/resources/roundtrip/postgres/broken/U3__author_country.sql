-- Loses every book on the way down.
DELETE FROM book;
ALTER TABLE author DROP COLUMN country;
