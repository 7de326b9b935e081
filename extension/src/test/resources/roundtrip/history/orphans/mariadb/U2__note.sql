DROP TABLE note;
-- wrong: the undo clears the shelves, with the foreign key checks off
SET FOREIGN_KEY_CHECKS = 0;
DELETE FROM shelf;
SET FOREIGN_KEY_CHECKS = 1;
