-- Titles are searched by prefix; prices must not be negative.
CREATE INDEX book_title_idx ON book (title);
ALTER TABLE book ADD COLUMN in_print BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE book ADD CONSTRAINT book_price_check CHECK (price >= 0);
