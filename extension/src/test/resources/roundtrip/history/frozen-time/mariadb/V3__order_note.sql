DROP VIEW recent;
ALTER TABLE orders ADD COLUMN note VARCHAR(40);
CREATE VIEW recent AS
	SELECT id, created, note FROM orders
	WHERE created > now() - INTERVAL 7 DAY;
