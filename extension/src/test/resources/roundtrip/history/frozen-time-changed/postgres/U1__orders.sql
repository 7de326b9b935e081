DROP VIEW old_orders;
DROP VIEW recent;
DROP TABLE orders;
