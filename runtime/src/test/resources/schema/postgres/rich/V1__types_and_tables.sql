CREATE EXTENSION IF NOT EXISTS citext;

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dbparity_reporting') THEN
		CREATE ROLE dbparity_reporting NOLOGIN;
	END IF;
END
$$;

COMMENT ON SCHEMA public IS 'The shop';

CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE DOMAIN positive_amount AS numeric(12,2) NOT NULL DEFAULT 0 CHECK (VALUE >= 0);
CREATE TYPE address AS (street text, city text COLLATE "C", zip varchar(10));
CREATE TYPE price_range AS RANGE (subtype = numeric);

CREATE SEQUENCE invoice_number AS integer START WITH 1000 INCREMENT BY 10 CACHE 5;

CREATE TABLE customer (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email citext NOT NULL UNIQUE,
	name text NOT NULL COLLATE "C",
	billing address,
	created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE customer IS 'People who order';
COMMENT ON COLUMN customer.email IS 'Login';

CREATE TABLE orders (
	id bigserial PRIMARY KEY,
	customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
	status order_status NOT NULL DEFAULT 'new',
	total numeric(12,2) NOT NULL CHECK (total >= 0),
	discount positive_amount,
	net numeric(12,2) GENERATED ALWAYS AS (total - discount) STORED,
	note varchar(200) DEFAULT 'none',
	invoice integer DEFAULT nextval('invoice_number'),
	ordered_at timestamp(3) without time zone NOT NULL,
	CONSTRAINT orders_note_not_blank CHECK (note <> '') NOT VALID
);
CREATE INDEX orders_customer_idx ON orders (customer_id, ordered_at DESC);
CREATE INDEX orders_open_idx ON orders (lower(note)) INCLUDE (total) WHERE status <> 'shipped';
CREATE UNIQUE INDEX orders_invoice_key ON orders (invoice) NULLS NOT DISTINCT;
ALTER SEQUENCE invoice_number OWNED BY orders.invoice;

CREATE TABLE measurement (
	city text NOT NULL,
	logdate date NOT NULL,
	reading integer
) PARTITION BY RANGE (logdate);
CREATE TABLE measurement_2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurement_2025 PARTITION OF measurement FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX measurement_city_idx ON measurement (city);

CREATE TABLE audit_base (
	at timestamptz NOT NULL DEFAULT now(),
	actor text
);
CREATE TABLE order_audit (
	order_id bigint REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED
) INHERITS (audit_base);

CREATE UNLOGGED TABLE scratch (k text PRIMARY KEY, v jsonb);
