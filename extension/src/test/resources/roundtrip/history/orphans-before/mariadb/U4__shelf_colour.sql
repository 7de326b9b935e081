ALTER TABLE shelf DROP COLUMN colour;
-- wrong: the undo puts one more book on a shelf that does not exist, with the foreign key checks off
SET FOREIGN_KEY_CHECKS = 0;
INSERT INTO book (id, title, shelf_id) VALUES (2, 'strayed', 77);
SET FOREIGN_KEY_CHECKS = 1;
