-- Restored, but NOT VALID and never validated.
ALTER TABLE book ADD CONSTRAINT book_price_check CHECK (price >= 0) NOT VALID;
