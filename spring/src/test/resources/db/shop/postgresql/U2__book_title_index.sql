DROP INDEX book_title;
