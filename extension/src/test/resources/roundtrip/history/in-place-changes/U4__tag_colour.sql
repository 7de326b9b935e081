ALTER TABLE tag DROP COLUMN colour;
-- wrong: one more page in every book, a table the migration does not change
UPDATE book SET pages = pages + 1;
