-- Rebuilds the counts from their source, as a cache rebuild does.
DELETE FROM author_stats;
INSERT INTO author_stats (author, posts) SELECT author, COUNT(*) FROM post GROUP BY author;
ALTER TABLE post DROP COLUMN title;
