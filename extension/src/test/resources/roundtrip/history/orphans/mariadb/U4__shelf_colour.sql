ALTER TABLE shelf DROP COLUMN colour;
-- wrong: the undo renumbers the shelves, with the foreign key checks off, and the books lose theirs
SET FOREIGN_KEY_CHECKS = 0;
UPDATE shelf SET id = id + 100;
SET FOREIGN_KEY_CHECKS = 1;
