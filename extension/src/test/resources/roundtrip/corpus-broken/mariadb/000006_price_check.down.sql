ALTER TABLE book ADD CONSTRAINT book_price_check CHECK (price >= 0 AND price < 100000);
