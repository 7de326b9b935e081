ALTER TABLE book ADD COLUMN isbn13 text;
CREATE INDEX book_isbn13 ON book (isbn13);
