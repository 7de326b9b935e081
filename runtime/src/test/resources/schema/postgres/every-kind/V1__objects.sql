-- Every kind of object and property the PostgreSQL catalog reader reads, in more than one schema, with the rarer
-- shapes each query has a branch for. Its snapshot is pinned byte for byte by PostgresSnapshotGoldenTests.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE SCHEMA ext;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA ext;

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dbparity_golden_reader') THEN
		CREATE ROLE dbparity_golden_reader NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dbparity_golden_writer') THEN
		CREATE ROLE dbparity_golden_writer NOLOGIN;
	END IF;
END
$$;

CREATE SCHEMA app;
CREATE SCHEMA "Mixed Case";
COMMENT ON SCHEMA public IS 'The shop';
COMMENT ON SCHEMA app IS 'Application objects';

CREATE TYPE public.state AS ENUM ('new', 'open', 'closed');
COMMENT ON TYPE public.state IS 'Lifecycle';
CREATE TYPE app.empty_enum AS ENUM ();
CREATE DOMAIN public.amount AS numeric(12,2) NOT NULL DEFAULT 0
	CONSTRAINT amount_not_negative CHECK (VALUE >= 0)
	CONSTRAINT amount_bounded CHECK (VALUE < 1000000);
COMMENT ON DOMAIN public.amount IS 'Money';
COMMENT ON CONSTRAINT amount_bounded ON DOMAIN public.amount IS 'Upper bound';
CREATE DOMAIN app.label AS text COLLATE "C" CHECK (VALUE <> '');
CREATE DOMAIN app.moment AS timestamp(6) without time zone DEFAULT now();
CREATE TYPE public.address AS (street text, city text COLLATE "C", zip varchar(10));
COMMENT ON COLUMN public.address.city IS 'Town';
CREATE TYPE app.span AS RANGE (subtype = numeric);
COMMENT ON TYPE app.span IS 'A range of numbers';

CREATE SEQUENCE public.invoice_number AS integer START WITH 1000 INCREMENT BY 10 MINVALUE 5 MAXVALUE 900000 CACHE 5 CYCLE;
COMMENT ON SEQUENCE public.invoice_number IS 'Invoice numbers';
CREATE SEQUENCE app.countdown INCREMENT BY -1;
CREATE SEQUENCE "Mixed Case"."Odd Sequence";

CREATE TABLE public.customer (
	id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5 CACHE 10) PRIMARY KEY,
	email citext NOT NULL,
	name text NOT NULL COLLATE "C",
	billing public.address,
	created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
	touched_at timestamptz DEFAULT transaction_timestamp(),
	kind public.state DEFAULT 'new'::public.state,
	CONSTRAINT customer_email_key UNIQUE (email) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON TABLE public.customer IS 'People who order';
COMMENT ON COLUMN public.customer.email IS 'Login';
COMMENT ON CONSTRAINT customer_pkey ON public.customer IS 'Key';
COMMENT ON INDEX public.customer_pkey IS 'Index of the key';
ALTER TABLE public.customer REPLICA IDENTITY FULL;

CREATE TABLE public.orders (
	id bigserial PRIMARY KEY,
	customer_id bigint NOT NULL REFERENCES public.customer (id) ON DELETE CASCADE ON UPDATE SET NULL,
	status public.state NOT NULL DEFAULT 'new',
	total numeric(12,2) NOT NULL CHECK (total >= 0),
	discount public.amount,
	no_discount public.amount DEFAULT NULL,
	net numeric(12,2) GENERATED ALWAYS AS (total - discount) STORED,
	dropped_soon integer,
	note varchar(200) DEFAULT 'none',
	memo varchar(20) DEFAULT NULL::character varying,
	invoice integer NOT NULL DEFAULT nextval('public.invoice_number'),
	ordered_at timestamp(3) without time zone NOT NULL,
	shipped_at timestamp(6) with time zone,
	local_day date DEFAULT ((now() AT TIME ZONE 'UTC'))::date,
	code text,
	CONSTRAINT orders_note_not_blank CHECK (note <> '') NOT VALID,
	CONSTRAINT orders_total_small CHECK (total < 1000000),
	CONSTRAINT orders_total_small_twin CHECK (total < 1000000),
	CONSTRAINT orders_code_key UNIQUE NULLS NOT DISTINCT (code)
);
ALTER TABLE public.orders DROP COLUMN dropped_soon;
COMMENT ON CONSTRAINT orders_total_small ON public.orders IS 'Sanity';
COMMENT ON COLUMN public.orders.total IS 'Gross';
CREATE INDEX orders_customer_idx ON public.orders (customer_id, ordered_at DESC);
CREATE INDEX orders_customer_twin ON public.orders (customer_id, ordered_at DESC);
CREATE INDEX orders_open_idx ON public.orders (lower(note::text)) INCLUDE (total) WHERE status <> 'closed';
CREATE UNIQUE INDEX orders_invoice_key ON public.orders (invoice) NULLS NOT DISTINCT;
CREATE INDEX orders_note_pattern ON public.orders (note varchar_pattern_ops, code COLLATE "C" DESC NULLS LAST,
	ordered_at NULLS FIRST) WITH (fillfactor = 70);
CREATE INDEX orders_code_hash ON public.orders USING hash (code);
CREATE INDEX orders_ordered_brin ON public.orders USING brin (ordered_at) WITH (pages_per_range = 32);
CREATE INDEX orders_code_trgm ON public.orders USING gin (code ext.gin_trgm_ops);
CREATE INDEX orders_local ON public.orders (((ordered_at AT TIME ZONE 'UTC')));
COMMENT ON INDEX public.orders_customer_idx IS 'By customer';
ALTER SEQUENCE public.invoice_number OWNED BY public.orders.invoice;
ALTER TABLE public.orders SET (fillfactor = 90, autovacuum_enabled = false);
ALTER TABLE public.orders REPLICA IDENTITY USING INDEX orders_invoice_key;
ALTER TABLE public.orders ALTER COLUMN code SET STATISTICS 500;

CREATE TABLE app.audit_base (
	at timestamptz NOT NULL DEFAULT now(),
	actor text
);
CREATE TABLE app.audit_extra (
	reason text
);
CREATE TABLE app.order_audit (
	order_id bigint REFERENCES public.orders (id) MATCH FULL DEFERRABLE INITIALLY DEFERRED,
	customer_id bigint,
	FOREIGN KEY (customer_id) REFERENCES public.customer (id) NOT VALID
) INHERITS (app.audit_base, app.audit_extra);
ALTER TABLE app.order_audit REPLICA IDENTITY NOTHING;

CREATE UNLOGGED TABLE public.scratch (k text PRIMARY KEY, v jsonb, at app.moment);

CREATE TABLE public.measurement (
	city text NOT NULL,
	logdate date NOT NULL,
	reading integer,
	PRIMARY KEY (city, logdate)
) PARTITION BY RANGE (logdate);
CREATE TABLE public.measurement_2024 PARTITION OF public.measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.measurement_2025 PARTITION OF public.measurement
	FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (city);
CREATE TABLE public.measurement_2025_north PARTITION OF public.measurement_2025 FOR VALUES IN ('Oslo', 'Tromsø');
CREATE TABLE public.measurement_2025_other PARTITION OF public.measurement_2025 DEFAULT;
CREATE INDEX measurement_city_idx ON public.measurement (city);
-- On the parent only: invalid until every partition's index is attached, and the partitions' own are not.
CREATE INDEX measurement_reading_idx ON ONLY public.measurement (reading);
CREATE INDEX measurement_2024_reading_idx ON public.measurement_2024 (reading);
COMMENT ON TABLE public.measurement IS 'Readings';

CREATE TABLE app.bucket (id integer NOT NULL, payload text) PARTITION BY HASH (id);
CREATE TABLE app.bucket_0 PARTITION OF app.bucket FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE app.bucket_1 PARTITION OF app.bucket FOR VALUES WITH (MODULUS 2, REMAINDER 1);
ALTER TABLE app.bucket ADD CONSTRAINT bucket_pkey PRIMARY KEY (id);

-- A foreign key to a partitioned table, which PostgreSQL clones onto the referenced partitions.
CREATE TABLE app.reading_note (
	city text NOT NULL,
	logdate date NOT NULL,
	note text,
	FOREIGN KEY (city, logdate) REFERENCES public.measurement (city, logdate)
) PARTITION BY RANGE (logdate);
CREATE TABLE app.reading_note_2024 PARTITION OF app.reading_note FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE public.booking (
	room integer NOT NULL,
	during tstzrange NOT NULL,
	CONSTRAINT booking_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (room > 0) DEFERRABLE
);

CREATE FOREIGN DATA WRAPPER dbparity_golden_wrapper;
CREATE SERVER dbparity_golden_server FOREIGN DATA WRAPPER dbparity_golden_wrapper;
CREATE FOREIGN TABLE app.remote_thing (id integer NOT NULL, name text) SERVER dbparity_golden_server;
COMMENT ON FOREIGN TABLE app.remote_thing IS 'Somewhere else';

CREATE TABLE "Mixed Case"."Odd Table" ("Odd Column" integer PRIMARY KEY, "select" text UNIQUE);
