DROP TRIGGER book_touch ON book;
DROP FUNCTION touch_book();
