-- The catalogue: who wrote what.
CREATE TABLE author (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    born        DATE,
    country     CHAR(2)
);

CREATE TABLE book (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    author_id   BIGINT NOT NULL,
    title       VARCHAR(300) NOT NULL,
    isbn        VARCHAR(17) NOT NULL UNIQUE,
    published   DATE,
    price       DECIMAL(10, 2) NOT NULL,
    CONSTRAINT book_author_fk FOREIGN KEY (author_id) REFERENCES author (id)
) COMMENT = 'Books for sale; one row per edition (ISBN).';
