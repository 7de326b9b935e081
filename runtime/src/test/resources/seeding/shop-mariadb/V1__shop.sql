CREATE TABLE customers (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	email VARCHAR(120) NOT NULL UNIQUE,
	first_name VARCHAR(60) NOT NULL,
	last_name VARCHAR(60) NOT NULL,
	phone VARCHAR(40),
	created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	referred_by BIGINT,
	CONSTRAINT customers_referred_by_fk FOREIGN KEY (referred_by) REFERENCES customers (id)
);
CREATE TABLE products (
	id INT AUTO_INCREMENT PRIMARY KEY,
	sku VARCHAR(12) NOT NULL UNIQUE,
	name VARCHAR(200) NOT NULL,
	price DECIMAL(10, 2) NOT NULL CHECK (price > 0)
);
CREATE TABLE orders (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	customer_id BIGINT NOT NULL,
	product_id INT NOT NULL,
	status VARCHAR(12) NOT NULL CHECK (status IN ('paid', 'shipped', 'cancelled')),
	quantity INT NOT NULL,
	placed_on DATE NOT NULL,
	note TEXT,
	CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id),
	CONSTRAINT orders_product_fk FOREIGN KEY (product_id) REFERENCES products (id)
);
