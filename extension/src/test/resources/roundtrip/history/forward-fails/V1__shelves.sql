CREATE TABLE shelf (id INT PRIMARY KEY, label VARCHAR(40) NOT NULL);
INSERT INTO shelf (id, label) VALUES (1, 'top');
