CREATE TABLE orders (
	id BIGINT NOT NULL PRIMARY KEY,
	customer_id BIGINT NOT NULL,
	amount INT NOT NULL,
	CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
);
