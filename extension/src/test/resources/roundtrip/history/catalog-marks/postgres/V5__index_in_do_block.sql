DO $$
BEGIN
	EXECUTE 'CREATE INDEX shelf_id_name ON shelf (id, name)';
END $$;
