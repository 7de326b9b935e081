DROP INDEX shelf_name ON shelf;
DROP FUNCTION shelf_count;
