CREATE FUNCTION public.order_total(p_order bigint) RETURNS numeric
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	AS $$ SELECT total FROM public.orders WHERE id = p_order $$;
COMMENT ON FUNCTION public.order_total(bigint) IS 'Total of one order';

CREATE FUNCTION public.order_total(p_order bigint, p_extra numeric DEFAULT 0) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL RESTRICTED
	BEGIN ATOMIC
		SELECT p_extra + 1;
	END;

CREATE FUNCTION app.orders_of(p_customer bigint, OUT id bigint, OUT total numeric) RETURNS SETOF record
	LANGUAGE sql
	AS $$ SELECT id, total FROM public.orders WHERE customer_id = p_customer $$;

CREATE FUNCTION app.totals() RETURNS TABLE (customer bigint, sum numeric)
	LANGUAGE sql
	AS $$ SELECT customer_id, sum(total) FROM public.orders GROUP BY 1 $$;

CREATE FUNCTION public.audit_order() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER
	AS $$
BEGIN
	INSERT INTO app.order_audit (actor, order_id) VALUES (current_user, NEW.id);
	RETURN NEW;
END
$$;

CREATE FUNCTION public.check_customer() RETURNS trigger
	LANGUAGE plpgsql
	AS $$ BEGIN RETURN NULL; END $$;

CREATE PROCEDURE app.archive_orders(before date)
	LANGUAGE plpgsql
	AS $$
BEGIN
	DELETE FROM public.orders WHERE ordered_at < before;
END
$$;
COMMENT ON PROCEDURE app.archive_orders(date) IS 'Moves old orders away';

CREATE FUNCTION app.add_amount(state numeric, value numeric) RETURNS numeric
	LANGUAGE sql IMMUTABLE AS $$ SELECT state + value $$;
CREATE FUNCTION app.half(state numeric) RETURNS numeric
	LANGUAGE sql IMMUTABLE AS $$ SELECT state / 2 $$;
CREATE AGGREGATE app.half_sum(numeric) (sfunc = app.add_amount, stype = numeric, initcond = '0',
	finalfunc = app.half, combinefunc = app.add_amount);
CREATE AGGREGATE app.largest(integer) (sfunc = int4larger, stype = integer, sortop = >);

CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OF status ON public.orders
	FOR EACH ROW WHEN (NEW.total > 0) EXECUTE FUNCTION public.audit_order();
CREATE TRIGGER orders_audit_disabled AFTER DELETE ON public.orders
	FOR EACH ROW EXECUTE FUNCTION public.audit_order();
ALTER TABLE public.orders DISABLE TRIGGER orders_audit_disabled;
CREATE TRIGGER orders_truncate BEFORE TRUNCATE ON public.orders
	FOR EACH STATEMENT EXECUTE FUNCTION public.audit_order();
ALTER TABLE public.orders ENABLE ALWAYS TRIGGER orders_truncate;
CREATE CONSTRAINT TRIGGER customer_check AFTER INSERT ON public.customer
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.check_customer();
COMMENT ON TRIGGER orders_audit ON public.orders IS 'Keeps the audit';

ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.customer ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.customer FORCE ROW LEVEL SECURITY;
ALTER TABLE public.scratch FORCE ROW LEVEL SECURITY;
CREATE POLICY orders_reporting ON public.orders FOR SELECT TO dbparity_golden_reader, PUBLIC
	USING (status = 'closed');
CREATE POLICY orders_own ON public.orders AS RESTRICTIVE USING (customer_id > 0) WITH CHECK (total < 1000000);
CREATE POLICY orders_insert ON public.orders FOR INSERT TO dbparity_golden_writer WITH CHECK (true);
CREATE POLICY orders_update ON public.orders FOR UPDATE USING (true);
CREATE POLICY orders_delete ON public.orders FOR DELETE USING (false);
COMMENT ON POLICY orders_own ON public.orders IS 'Only real customers';

CREATE VIEW public.open_orders WITH (security_barrier) AS
	SELECT o.id, o.customer_id, o.total FROM public.orders o WHERE o.status <> 'closed'
	WITH CASCADED CHECK OPTION;
CREATE VIEW app.recent_orders WITH (check_option = local, security_invoker = true) AS
	SELECT id, ordered_at AT TIME ZONE 'UTC' AS ordered_utc FROM public.orders WHERE ordered_at > '2024-01-01';
COMMENT ON VIEW public.open_orders IS 'Not yet closed';
COMMENT ON COLUMN public.open_orders.total IS 'Gross of the order';
CREATE MATERIALIZED VIEW app.customer_totals WITH (fillfactor = 60) AS
	SELECT customer_id, sum(total) AS total FROM public.orders GROUP BY customer_id;
CREATE UNIQUE INDEX customer_totals_customer_idx ON app.customer_totals (customer_id) WITH (fillfactor = 50);
COMMENT ON MATERIALIZED VIEW app.customer_totals IS 'Per customer';
COMMENT ON COLUMN app.customer_totals.total IS 'Sum';
COMMENT ON INDEX app.customer_totals_customer_idx IS 'One row per customer';
CREATE VIEW public.customer_names AS SELECT id, name FROM public.customer;
CREATE FUNCTION public.customer_names_insert() RETURNS trigger
	LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER customer_names_insert INSTEAD OF INSERT ON public.customer_names
	FOR EACH ROW EXECUTE FUNCTION public.customer_names_insert();

CREATE RULE open_orders_delete AS ON DELETE TO public.open_orders DO INSTEAD NOTHING;
COMMENT ON RULE open_orders_delete ON public.open_orders IS 'Never deleted through the view';
CREATE RULE scratch_keep AS ON DELETE TO public.scratch WHERE old.k = 'keep' DO INSTEAD NOTHING;
ALTER TABLE public.scratch DISABLE RULE scratch_keep;

CREATE STATISTICS public.orders_status_total (ndistinct, dependencies) ON status, total FROM public.orders;
CREATE STATISTICS app.orders_lower_note ON lower(note::text), status FROM public.orders;
CREATE STATISTICS public.measurement_city_day ON city, logdate FROM public.measurement_2024;
ALTER STATISTICS public.orders_status_total SET STATISTICS 250;
COMMENT ON STATISTICS public.orders_status_total IS 'Status and total go together';

COMMENT ON CONSTRAINT booking_no_overlap ON public.booking IS 'One booking per room at a time';
COMMENT ON INDEX public.booking_no_overlap IS 'Index behind the exclusion';

GRANT SELECT ON public.orders, public.open_orders TO dbparity_golden_reader;
GRANT INSERT, UPDATE ON public.orders TO dbparity_golden_writer WITH GRANT OPTION;
GRANT SELECT ON public.customer TO PUBLIC;
GRANT UPDATE (name), SELECT (id, email) ON public.customer TO dbparity_golden_writer;
GRANT REFERENCES (email) ON public.customer TO dbparity_golden_reader WITH GRANT OPTION;
GRANT SELECT ON app.customer_totals TO dbparity_golden_reader;
GRANT USAGE, SELECT ON SEQUENCE public.invoice_number TO dbparity_golden_writer;
GRANT UPDATE ON SEQUENCE app.countdown TO dbparity_golden_reader WITH GRANT OPTION;
REVOKE USAGE ON TYPE public.state FROM PUBLIC;
GRANT USAGE ON TYPE public.state TO dbparity_golden_reader;
REVOKE USAGE ON DOMAIN public.amount FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.order_total(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.order_total(bigint) TO dbparity_golden_reader;
REVOKE EXECUTE ON PROCEDURE app.archive_orders(date) FROM PUBLIC;
GRANT USAGE ON SCHEMA app TO dbparity_golden_reader WITH GRANT OPTION;
GRANT CREATE ON SCHEMA app TO dbparity_golden_writer;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE SELECT ON public.booking FROM CURRENT_USER;
GRANT ALL ON TABLE app.remote_thing TO dbparity_golden_writer;

ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO dbparity_golden_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON SEQUENCES TO dbparity_golden_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO dbparity_golden_writer WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO dbparity_golden_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE dbparity_golden_writer GRANT SELECT ON TABLES TO dbparity_golden_reader;

-- Constraints added NOT VALID to a table that exists (inside CREATE TABLE they are validated at once).
ALTER TABLE public.orders ADD CONSTRAINT orders_memo_short CHECK (length(memo) < 10) NOT VALID;
ALTER TABLE public.scratch ADD COLUMN owner_id bigint;
ALTER TABLE public.scratch ADD CONSTRAINT scratch_owner_fkey FOREIGN KEY (owner_id) REFERENCES public.customer (id)
	MATCH FULL ON DELETE SET DEFAULT NOT VALID;
CREATE STATISTICS app.customer_totals_stats ON customer_id, total FROM app.customer_totals;

-- Bookkeeping that is not schema: a history table is left out, and so is the sequence it owns.
CREATE TABLE public.flyway_schema_history (installed_rank integer PRIMARY KEY, version text);
CREATE SEQUENCE public.flyway_rank OWNED BY public.flyway_schema_history.installed_rank;
