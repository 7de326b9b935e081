-- Forgets the default.
ALTER TABLE book MODIFY status ENUM('draft', 'published', 'retired') NOT NULL;
