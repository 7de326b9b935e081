DROP INDEX shelf_id_name;
