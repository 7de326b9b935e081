DROP TRIGGER IF EXISTS book_title_trim;
