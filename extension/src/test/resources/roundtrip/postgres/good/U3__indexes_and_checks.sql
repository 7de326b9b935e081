ALTER TABLE book DROP CONSTRAINT book_price_check;
ALTER TABLE book DROP COLUMN in_print;
DROP INDEX book_title_idx;
