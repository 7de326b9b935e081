CREATE TABLE IF NOT EXISTS genre (name VARCHAR(50) NOT NULL);
-- No key stops a second copy of the row: a retry after this INSERT writes it twice.
INSERT INTO genre (name) VALUES ('fiction');
ALTER TABLE book ADD COLUMN IF NOT EXISTS genre VARCHAR(50);
