ALTER TABLE book DROP COLUMN isbn;
-- wrong: the undo moves the books to shelves that do not exist, with the foreign key checks off
SET FOREIGN_KEY_CHECKS = 0;
UPDATE book SET shelf_id = shelf_id + 100;
SET FOREIGN_KEY_CHECKS = 1;
