-- One object of each kind whose comments, privileges and storage the coverage tests change.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dbparity_coverage_reader') THEN
		CREATE ROLE dbparity_coverage_reader NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dbparity_coverage_owner') THEN
		CREATE ROLE dbparity_coverage_owner NOLOGIN;
	END IF;
END
$$;

CREATE SCHEMA app;
CREATE TYPE mood AS ENUM ('ok', 'bad');
CREATE DOMAIN positive AS integer CONSTRAINT positive_check CHECK (VALUE > 0);
CREATE SEQUENCE counter;
CREATE TYPE address AS (street text, city text);

CREATE TABLE item (
	id integer PRIMARY KEY,
	code text NOT NULL,
	qty integer CONSTRAINT qty_not_negative CHECK (qty >= 0),
	seen timestamp
);
CREATE UNIQUE INDEX item_code_idx ON item (code);
CREATE INDEX item_qty_idx ON item (qty);
CREATE STATISTICS item_qty_code (dependencies) ON qty, code FROM item;

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER item_touch BEFORE UPDATE ON item FOR EACH ROW EXECUTE FUNCTION touch();
CREATE PROCEDURE noop() LANGUAGE sql AS $$ SELECT 1 $$;

ALTER TABLE item ENABLE ROW LEVEL SECURITY;
CREATE POLICY item_all ON item USING (true);

CREATE VIEW item_codes AS SELECT code FROM item;
CREATE RULE item_codes_insert AS ON INSERT TO item_codes DO INSTEAD INSERT INTO item (id, code) VALUES (1, new.code);
CREATE MATERIALIZED VIEW item_totals AS SELECT code, sum(qty) AS qty FROM item GROUP BY code;
CREATE UNIQUE INDEX item_totals_code ON item_totals (code);

CREATE TABLE measurement (logdate date NOT NULL, v integer) PARTITION BY RANGE (logdate);
CREATE TABLE measurement_2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
