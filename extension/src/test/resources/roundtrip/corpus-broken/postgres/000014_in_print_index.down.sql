DROP INDEX IF EXISTS book_in_print_idx;
CREATE INDEX book_in_print_idx ON book (published_on) WHERE out_of_print = false;
