CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40), email VARCHAR(80), KEY customers_name (name),
	KEY customers_email (email));
CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL DEFAULT 'new', total DECIMAL(10, 2),
	customer VARCHAR(40), note VARCHAR(200), KEY orders_status (status), KEY orders_total (total),
	KEY orders_customer (customer));
CREATE FUNCTION order_count() RETURNS BIGINT READS SQL DATA RETURN (SELECT COUNT(*) FROM orders);
CREATE PROCEDURE archive_orders(IN cutoff INT) DELETE FROM orders WHERE id < cutoff;
