INSERT INTO shelf (id, name) VALUES (2000, 'second');
