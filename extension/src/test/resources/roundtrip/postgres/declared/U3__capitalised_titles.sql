ALTER TABLE book DROP CONSTRAINT book_title_capitalised;
