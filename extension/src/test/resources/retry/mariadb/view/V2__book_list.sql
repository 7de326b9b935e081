-- The list shows what a book had before the ISBN; a retry re-creates it after the column exists.
CREATE OR REPLACE VIEW book_list AS SELECT * FROM book;
ALTER TABLE book ADD COLUMN IF NOT EXISTS isbn VARCHAR(20);
CREATE INDEX IF NOT EXISTS book_isbn ON book (isbn);
