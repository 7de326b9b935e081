CREATE TABLE shelf_item (shelf_id INT NOT NULL REFERENCES shelf (id), title VARCHAR(80));
INSERT INTO shelf VALUES (1, 'fiction');
