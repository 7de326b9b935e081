CREATE TABLE posts (
    id           INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT UNSIGNED NOT NULL,
    slug         VARCHAR(255) NOT NULL,
    title        VARCHAR(255) NOT NULL,
    body         MEDIUMTEXT,
    status       ENUM('draft', 'published', 'archived') NOT NULL DEFAULT 'draft',
    price        DECIMAL(10, 2) UNSIGNED DEFAULT 0.00,
    rating       FLOAT DEFAULT NULL,
    is_featured  TINYINT(1) NOT NULL DEFAULT 0,
    published_at DATETIME NULL DEFAULT NULL,
    KEY posts_status_published_at_index (status, published_at),
    CONSTRAINT posts_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Blog posts';
