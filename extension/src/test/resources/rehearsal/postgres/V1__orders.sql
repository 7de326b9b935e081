CREATE TABLE orders (id INT PRIMARY KEY, customer INT NOT NULL, total NUMERIC(10, 2) NOT NULL);
CREATE INDEX orders_customer_idx ON orders (customer);
