CREATE INDEX IF NOT EXISTS book_title_idx ON book (title);
CREATE INDEX IF NOT EXISTS book_author_idx ON book (author_id);
