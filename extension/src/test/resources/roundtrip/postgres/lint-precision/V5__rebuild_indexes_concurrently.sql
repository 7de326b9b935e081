DROP INDEX CONCURRENTLY orders_status_idx;
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
DROP INDEX CONCURRENTLY orders_total_idx;
CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);
DROP INDEX CONCURRENTLY customers_email_idx;
CREATE INDEX CONCURRENTLY customers_email_idx ON customers (lower(email));
