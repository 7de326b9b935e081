-- dbparity:allow DP307 deployed by hand, statement by statement, during the maintenance window
ALTER TABLE book ADD COLUMN isbn VARCHAR(20);
CREATE INDEX book_isbn ON book (isbn);
