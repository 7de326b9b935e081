CREATE TABLE book (
	id SERIAL PRIMARY KEY,
	author_id INT NOT NULL REFERENCES author (id),
	title TEXT NOT NULL,
	updated_at TIMESTAMPTZ
);
CREATE INDEX book_title_idx ON book (title);
