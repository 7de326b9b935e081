CREATE TABLE shelf_copy (id INT PRIMARY KEY, created_on DATE NOT NULL);
INSERT INTO shelf_copy (id) SELECT id FROM shelf;
