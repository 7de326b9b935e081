CREATE TABLE customer (id BIGINT PRIMARY KEY, mail TEXT, phone TEXT);
