ALTER TABLE book ADD COLUMN price DECIMAL(10, 2);
ALTER TABLE book ADD CONSTRAINT book_price_check CHECK (price >= 0);
