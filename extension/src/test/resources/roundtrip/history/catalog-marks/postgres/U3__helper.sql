DROP FUNCTION shelf_count();
-- The bug: an index the version never created is dropped too. The undo only deletes catalog rows.
DROP INDEX shelf_name;
