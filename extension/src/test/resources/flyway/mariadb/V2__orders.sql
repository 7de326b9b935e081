CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL,
  total NUMERIC(10, 2),
  CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES ${prefix}customers (id)
);
