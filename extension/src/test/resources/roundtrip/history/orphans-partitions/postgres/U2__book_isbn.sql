ALTER TABLE book DROP COLUMN isbn;
-- wrong: the undo clears one partition of the shelves, with the foreign key checks off
SET session_replication_role = replica;
DELETE FROM shelf_low;
SET session_replication_role = DEFAULT;
