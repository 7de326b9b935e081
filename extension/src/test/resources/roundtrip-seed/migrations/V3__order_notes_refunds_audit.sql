ALTER TABLE orders ADD COLUMN note TEXT;
CREATE TABLE refunds (
	order_id BIGINT NOT NULL PRIMARY KEY,
	reason VARCHAR(20) NOT NULL,
	CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
);
CREATE TABLE audit_log (
	id INT NOT NULL PRIMARY KEY
);
