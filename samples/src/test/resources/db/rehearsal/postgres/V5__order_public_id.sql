-- The new API names orders by a public id. gen_random_uuid() is volatile: every existing row gets its own value, so
-- PostgreSQL rewrites customer_order under an AccessExclusiveLock, which the rehearsal times at production's volume.
ALTER TABLE customer_order ADD COLUMN public_id UUID NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX customer_order_public_id_idx ON customer_order (public_id);
