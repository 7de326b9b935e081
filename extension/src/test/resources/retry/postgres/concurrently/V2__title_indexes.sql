-- PostgreSQL cannot build an index CONCURRENTLY in a transaction, so this script runs statement by statement.
CREATE INDEX CONCURRENTLY book_title ON book (title);
CREATE INDEX CONCURRENTLY book_isbn ON book (isbn);
