CREATE TABLE shelf (id INT PRIMARY KEY, label VARCHAR(40) NOT NULL);
CREATE TABLE book (id INT PRIMARY KEY, title VARCHAR(40) NOT NULL, shelf_id INT);
-- a book on a shelf that does not exist, kept by a key that does not check the rows it finds
INSERT INTO book VALUES (1, 'lost', 99);
ALTER TABLE book ADD CONSTRAINT book_shelf FOREIGN KEY (shelf_id) REFERENCES shelf (id) NOT VALID;
