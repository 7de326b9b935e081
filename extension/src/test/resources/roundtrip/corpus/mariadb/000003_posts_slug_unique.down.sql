ALTER TABLE posts DROP INDEX posts_slug_unique;
