DROP VIEW recent;
ALTER TABLE orders ADD COLUMN note TEXT;
CREATE VIEW recent AS
	SELECT id, created, note FROM orders
	WHERE created > 'now'::timestamp - interval '7 days';
