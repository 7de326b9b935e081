UPDATE posts SET status = 'draft' WHERE status = 'review';
ALTER TABLE posts MODIFY status ENUM('draft', 'published', 'archived') NOT NULL DEFAULT 'draft';
