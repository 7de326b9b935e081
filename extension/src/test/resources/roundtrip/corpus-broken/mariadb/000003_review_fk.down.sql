-- Leaves the index InnoDB created for the key.
ALTER TABLE review DROP FOREIGN KEY review_book_fk;
