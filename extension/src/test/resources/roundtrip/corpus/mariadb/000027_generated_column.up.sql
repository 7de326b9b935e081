ALTER TABLE posts ADD COLUMN title_length INT AS (CHAR_LENGTH(title)) VIRTUAL;
ALTER TABLE posts ADD COLUMN year_published SMALLINT AS (YEAR(published_at)) PERSISTENT;
ALTER TABLE posts ADD INDEX posts_year_published_index (year_published);
