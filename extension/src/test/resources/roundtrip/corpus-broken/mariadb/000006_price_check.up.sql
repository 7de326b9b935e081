ALTER TABLE book DROP CONSTRAINT book_price_check;
