CREATE INDEX book_price ON book (price);
