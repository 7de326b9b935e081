CREATE TABLE shelf_total (total INT NOT NULL);
INSERT INTO shelf_total (total) SELECT SUM(id) FROM shelf;
