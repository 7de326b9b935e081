INSERT INTO shelves (id, name) VALUES (1001, 'spare');
