CREATE TABLE author (
    id    INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name  VARCHAR(200) NOT NULL,
    email VARCHAR(191) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE book (
    id          INT NOT NULL AUTO_INCREMENT,
    author_id   INT NOT NULL,
    title       VARCHAR(255) NOT NULL COMMENT 'Title as printed',
    isbn        VARCHAR(20) NULL,
    status      ENUM('draft', 'published', 'retired') NOT NULL DEFAULT 'draft',
    price       DECIMAL(10, 2) NOT NULL DEFAULT 0.00,
    updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY book_isbn_unique (isbn),
    CONSTRAINT book_author_fk FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE,
    CONSTRAINT book_price_check CHECK (price >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE review (
    id      INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    book_id INT NOT NULL,
    stars   TINYINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE note (
    id   INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    body TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=DYNAMIC;

CREATE VIEW book_list AS SELECT b.id, b.title, a.name AS author FROM book b JOIN author a ON a.id = b.author_id;

CREATE FUNCTION price_with_tax(p DECIMAL(10, 2)) RETURNS DECIMAL(10, 2) DETERMINISTIC RETURN ROUND(p * 1.07, 2);

CREATE TRIGGER book_title_trim BEFORE INSERT ON book FOR EACH ROW SET NEW.title = TRIM(NEW.title);
