DROP INDEX IF EXISTS book_in_print_idx;
CREATE INDEX book_in_print_idx ON book (published_on) WHERE NOT out_of_print AND published_on IS NOT NULL;
