CREATE TYPE book_format AS ENUM ('hardcover', 'paperback', 'ebook');

CREATE TABLE author (
    id    serial PRIMARY KEY,
    name  text NOT NULL,
    sort_name text COLLATE "C",
    email text
);

CREATE SEQUENCE isbn_batch_seq START WITH 1000 INCREMENT BY 1;

CREATE TABLE book (
    id           bigserial PRIMARY KEY,
    author_id    integer NOT NULL REFERENCES author (id) ON DELETE CASCADE,
    title        text NOT NULL,
    isbn         text UNIQUE,
    format       book_format NOT NULL DEFAULT 'paperback',
    price        numeric(10, 2) NOT NULL DEFAULT 0 CONSTRAINT book_price_check CHECK (price >= 0),
    published_on date,
    out_of_print boolean NOT NULL DEFAULT false
);
COMMENT ON COLUMN book.title IS 'Title as printed';
CREATE INDEX book_in_print_idx ON book (published_on) WHERE NOT out_of_print;

CREATE VIEW book_list AS SELECT b.id, b.title, a.name AS author FROM book b JOIN author a ON a.id = b.author_id;

CREATE FUNCTION book_price_with_tax(p numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT round(p * 1.07, 2) $$;

CREATE FUNCTION touch_book() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER book_touch BEFORE UPDATE ON book FOR EACH ROW EXECUTE FUNCTION touch_book();
