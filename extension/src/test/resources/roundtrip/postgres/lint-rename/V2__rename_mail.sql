ALTER TABLE customer RENAME COLUMN mail TO email;
