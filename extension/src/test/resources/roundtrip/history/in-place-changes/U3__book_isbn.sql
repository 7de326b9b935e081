ALTER TABLE book DROP COLUMN isbn;
-- writes every tag as it was: nothing changes
UPDATE tag SET label = label;
