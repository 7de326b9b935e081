ALTER TABLE posts RENAME COLUMN is_featured TO featured;
