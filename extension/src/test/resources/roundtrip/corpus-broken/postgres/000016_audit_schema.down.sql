-- Forgets the schema.
DROP TABLE IF EXISTS audit.book_change;
