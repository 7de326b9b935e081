-- Adds the position of each shelf.
ALTER TABLE shelf ADD COLUMN position INT;
UPDATE shelf SET positon = id;
