ALTER TABLE book MODIFY status ENUM('draft', 'published', 'retired', 'archived') NOT NULL DEFAULT 'published';
