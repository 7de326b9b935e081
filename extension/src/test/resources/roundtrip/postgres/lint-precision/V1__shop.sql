CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, email TEXT);
CREATE INDEX customers_name_idx ON customers (name);
CREATE INDEX customers_email_idx ON customers (email);
CREATE TABLE orders (id INT PRIMARY KEY, status TEXT NOT NULL DEFAULT 'new', total NUMERIC(10, 2), customer TEXT,
	note TEXT);
CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX orders_total_idx ON orders (total);
CREATE INDEX orders_customer_idx ON orders (customer);
CREATE FUNCTION order_count() RETURNS BIGINT LANGUAGE sql AS 'SELECT count(*) FROM orders';
CREATE PROCEDURE archive_orders(cutoff INT) LANGUAGE sql AS 'DELETE FROM orders WHERE id < cutoff';
