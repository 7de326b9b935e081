CREATE TABLE review (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    book_id     BIGINT NOT NULL,
    customer_id BIGINT NOT NULL,
    rating      SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body        TEXT,
    reviewed_at DATETIME NOT NULL,
    UNIQUE (book_id, customer_id),
    CONSTRAINT review_book_fk FOREIGN KEY (book_id) REFERENCES book (id) ON DELETE CASCADE,
    CONSTRAINT review_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)
);

CREATE VIEW book_rating AS
    SELECT b.id AS book_id, b.title, COUNT(r.id) AS reviews, AVG(r.rating) AS average_rating
    FROM book b LEFT JOIN review r ON r.book_id = b.id
    GROUP BY b.id, b.title;
