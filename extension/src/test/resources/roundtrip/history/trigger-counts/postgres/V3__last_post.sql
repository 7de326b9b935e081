ALTER TABLE author_stats ADD COLUMN last_post INT;
