CREATE TABLE orders (id INT PRIMARY KEY, customer INT NOT NULL, total DECIMAL(10, 2) NOT NULL);
CREATE INDEX orders_customer_idx ON orders (customer);
