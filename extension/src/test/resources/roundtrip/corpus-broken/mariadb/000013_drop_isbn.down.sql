-- Comes back without its unique index.
ALTER TABLE book ADD COLUMN isbn VARCHAR(20) NULL AFTER title;
