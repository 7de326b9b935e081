DROP INDEX book_price;
