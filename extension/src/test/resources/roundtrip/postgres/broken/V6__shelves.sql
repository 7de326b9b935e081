CREATE TABLE shelf (id INT PRIMARY KEY, label TEXT NOT NULL);
CREATE INDEX shelf_label_idx ON shelf (label);
