ALTER TABLE posts RENAME COLUMN featured TO is_featured;
