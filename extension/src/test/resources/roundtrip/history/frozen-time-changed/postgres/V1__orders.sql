CREATE TABLE orders (id INT PRIMARY KEY, created TIMESTAMP NOT NULL);
CREATE VIEW recent AS SELECT id FROM orders WHERE created > 'now'::timestamp - interval '7 days';
CREATE VIEW old_orders AS SELECT id FROM orders WHERE created < '2020-01-01'::timestamp;
