-- A function evaluates its literals when it runs: not frozen. A comment saying 'now'::timestamp is not either.
CREATE FUNCTION order_age(created TIMESTAMP) RETURNS INTERVAL AS $$
	SELECT 'now'::timestamp - created;
$$ LANGUAGE sql;
ALTER TABLE orders ADD COLUMN due DATE DEFAULT CAST('tomorrow' AS DATE);
