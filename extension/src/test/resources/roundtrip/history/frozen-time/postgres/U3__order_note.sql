DROP VIEW recent;
ALTER TABLE orders DROP COLUMN note, DROP COLUMN noted;
CREATE VIEW recent AS
	SELECT id, created FROM orders
	WHERE created > 'now'::timestamp - interval '7 days';
