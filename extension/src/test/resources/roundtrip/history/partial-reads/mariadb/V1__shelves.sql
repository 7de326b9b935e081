CREATE TABLE rack (id INT PRIMARY KEY, label VARCHAR(20));
CREATE TABLE shelf (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, rack_id INT,
    CONSTRAINT shelf_rack FOREIGN KEY (rack_id) REFERENCES rack (id));
CREATE VIEW rack_labels AS SELECT id, label FROM rack;
CREATE TRIGGER shelf_touch BEFORE INSERT ON shelf FOR EACH ROW SET NEW.name = COALESCE(NEW.name, '');
