CREATE TABLE customer_order (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customer (id), total NUMERIC(12, 2) NOT NULL);
