ALTER TABLE shelf DROP COLUMN colour;
-- wrong: the undo renumbers the shelves, with the foreign key checks off, and the books lose theirs
SET session_replication_role = replica;
UPDATE shelf SET id = id + 100;
SET session_replication_role = DEFAULT;
