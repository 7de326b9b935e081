DROP INDEX orders_status_idx;
CREATE INDEX orders_status_idx ON orders (status, id);
DROP INDEX orders_total_idx;
CREATE INDEX orders_total_idx ON orders (total, id);
DROP INDEX orders_customer_idx;
CREATE INDEX orders_customer_idx ON orders (customer, id);
DROP INDEX customers_name_idx;
CREATE INDEX customers_name_idx ON customers (name, id);
