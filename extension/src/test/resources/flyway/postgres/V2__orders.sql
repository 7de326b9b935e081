CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES ${prefix}customers (id),
  total NUMERIC(10, 2)
);
