CREATE INDEX customer_email ON customer (email);
