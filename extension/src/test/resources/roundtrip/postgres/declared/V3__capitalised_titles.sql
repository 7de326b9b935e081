-- Production titles are all capitalised; the round trip's generated ones are not.
ALTER TABLE book ADD CONSTRAINT book_title_capitalised CHECK (title ~ '^[A-Z]');
