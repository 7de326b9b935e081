DROP INDEX book_isbn ON book;
ALTER TABLE book DROP COLUMN isbn;
