CREATE TABLE author (
	id INT PRIMARY KEY,
	name VARCHAR(100) NOT NULL UNIQUE
);

CREATE TABLE book (
	id INT PRIMARY KEY,
	author_id INT NOT NULL,
	title VARCHAR(200) NOT NULL,
	price DECIMAL(10, 2),
	published DATE,
	CONSTRAINT book_author_fk FOREIGN KEY (author_id) REFERENCES author (id)
);
