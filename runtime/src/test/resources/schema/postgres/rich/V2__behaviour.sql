ALTER TABLE orders DROP COLUMN note;
ALTER TABLE orders ADD COLUMN note varchar(200) DEFAULT 'none';
ALTER TABLE orders ADD CONSTRAINT orders_note_not_blank CHECK (note <> '') NOT VALID;
CREATE INDEX orders_open_idx ON orders (lower(note)) INCLUDE (total) WHERE status <> 'shipped';

CREATE FUNCTION order_total(p_order bigint) RETURNS numeric
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	AS $$ SELECT total FROM public.orders WHERE id = p_order $$;
COMMENT ON FUNCTION order_total(bigint) IS 'Total of one order';

CREATE FUNCTION audit_order() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER
	AS $$
BEGIN
	INSERT INTO public.order_audit (actor, order_id) VALUES (current_user, NEW.id);
	RETURN NEW;
END
$$;

CREATE PROCEDURE archive_orders(before date)
	LANGUAGE plpgsql
	AS $$
BEGIN
	DELETE FROM public.orders WHERE ordered_at < before;
END
$$;

CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OF status ON orders
	FOR EACH ROW EXECUTE FUNCTION audit_order();
CREATE TRIGGER orders_audit_disabled AFTER DELETE ON orders
	FOR EACH ROW EXECUTE FUNCTION audit_order();
ALTER TABLE orders DISABLE TRIGGER orders_audit_disabled;

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_reporting ON orders FOR SELECT TO dbparity_reporting USING (status = 'shipped');
CREATE POLICY orders_own ON orders AS RESTRICTIVE USING (customer_id > 0) WITH CHECK (total < 1000000);

CREATE VIEW open_orders WITH (security_barrier) AS
	SELECT o.id, o.customer_id, o.total FROM orders o WHERE o.status <> 'shipped'
	WITH CASCADED CHECK OPTION;
CREATE MATERIALIZED VIEW customer_totals AS
	SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
CREATE UNIQUE INDEX customer_totals_customer_idx ON customer_totals (customer_id);

GRANT SELECT ON orders, open_orders TO dbparity_reporting;
GRANT INSERT, UPDATE ON orders TO dbparity_reporting;
GRANT SELECT ON customer TO PUBLIC;
REVOKE EXECUTE ON FUNCTION order_total(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION order_total(bigint) TO dbparity_reporting;

CREATE TABLE booking (
	room integer NOT NULL,
	during tstzrange NOT NULL,
	EXCLUDE USING gist (during WITH &&) WHERE (room > 0)
);
