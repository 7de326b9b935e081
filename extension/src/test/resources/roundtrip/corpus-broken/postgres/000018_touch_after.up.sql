DROP TRIGGER IF EXISTS book_touch ON book;
