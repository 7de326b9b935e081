ALTER TABLE book MODIFY status ENUM('published', 'draft', 'retired') NOT NULL DEFAULT 'published';
