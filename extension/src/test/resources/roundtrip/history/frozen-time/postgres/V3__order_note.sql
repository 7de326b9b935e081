DROP VIEW recent;
ALTER TABLE orders ADD COLUMN note TEXT, ADD COLUMN noted TIMESTAMP DEFAULT 'now';
CREATE VIEW recent AS
	SELECT id, created, note FROM orders
	WHERE created > 'now'::timestamp - interval '7 days';
