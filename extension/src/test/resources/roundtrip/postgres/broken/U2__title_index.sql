-- Forgets the index.
ALTER TABLE book DROP COLUMN subtitle;
