ALTER TABLE book ADD COLUMN subtitle TEXT;
CREATE INDEX book_title_idx ON book (title);
