ALTER TABLE book DROP COLUMN isbn;
-- wrong: the undo moves the books to shelves that do not exist, with the foreign key checks off
SET session_replication_role = replica;
UPDATE book SET shelf_id = shelf_id + 100;
SET session_replication_role = DEFAULT;
