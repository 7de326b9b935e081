ALTER TABLE posts DROP INDEX posts_year_published_index;
ALTER TABLE posts DROP COLUMN year_published;
ALTER TABLE posts DROP COLUMN title_length;
