CREATE TABLE review (
	id INT PRIMARY KEY,
	book_id INT NOT NULL,
	stars INT NOT NULL,
	CONSTRAINT review_book_fk FOREIGN KEY (book_id) REFERENCES book (id),
	CONSTRAINT review_stars CHECK (stars BETWEEN 1 AND 5)
);
