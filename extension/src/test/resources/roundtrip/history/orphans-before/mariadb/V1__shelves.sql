CREATE TABLE shelf (id INT PRIMARY KEY, label VARCHAR(40) NOT NULL);
CREATE TABLE book (id INT PRIMARY KEY, title VARCHAR(40) NOT NULL, shelf_id INT, CONSTRAINT book_shelf FOREIGN KEY (shelf_id) REFERENCES shelf (id));
-- a book on a shelf that does not exist, written with the foreign key checks off
SET FOREIGN_KEY_CHECKS = 0;
INSERT INTO book VALUES (1, 'lost', 99);
SET FOREIGN_KEY_CHECKS = 1;
