ALTER TABLE posts MODIFY status ENUM('draft', 'review', 'published', 'archived') NOT NULL DEFAULT 'draft';
