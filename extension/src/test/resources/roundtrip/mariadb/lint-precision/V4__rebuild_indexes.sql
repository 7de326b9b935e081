ALTER TABLE orders DROP INDEX orders_status, ADD INDEX orders_status (status, id);
ALTER TABLE orders DROP INDEX orders_total, ADD INDEX orders_total (total, id);
ALTER TABLE orders DROP INDEX orders_customer, ADD INDEX orders_customer (customer, id);
ALTER TABLE customers DROP INDEX customers_name, ADD INDEX customers_name (name, id);
