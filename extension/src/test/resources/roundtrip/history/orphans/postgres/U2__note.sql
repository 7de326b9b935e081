DROP TABLE note;
-- wrong: the undo clears the shelves, with the foreign key checks off
SET session_replication_role = replica;
DELETE FROM shelf;
SET session_replication_role = DEFAULT;
