-- Forgets SET NOT NULL.
ALTER TABLE author ALTER COLUMN email TYPE text;
