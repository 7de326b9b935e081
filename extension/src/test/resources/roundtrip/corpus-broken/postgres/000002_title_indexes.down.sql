-- Forgets book_title_idx.
DROP INDEX IF EXISTS book_author_idx;
