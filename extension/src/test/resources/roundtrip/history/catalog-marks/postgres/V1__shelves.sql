CREATE TABLE shelf (id INT PRIMARY KEY, name TEXT NOT NULL);
CREATE INDEX shelf_name ON shelf (name);
-- Changes the schema through dynamic SQL, which no reading of a script's text sees.
CREATE FUNCTION add_note() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE 'ALTER TABLE shelf ADD COLUMN note TEXT';
END $$;
-- Changes the schema when a row is inserted: a script that only inserts rows can still change the schema.
CREATE FUNCTION audit_shelf() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.name = 'audited' THEN
		EXECUTE 'CREATE TABLE shelf_audit (id INT)';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER audit_shelf AFTER INSERT ON shelf FOR EACH ROW EXECUTE FUNCTION audit_shelf();
