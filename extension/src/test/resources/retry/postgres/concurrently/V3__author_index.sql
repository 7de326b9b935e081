CREATE INDEX CONCURRENTLY IF NOT EXISTS author_name ON author (name);
CREATE INDEX CONCURRENTLY IF NOT EXISTS book_title_isbn ON book (title, isbn);
