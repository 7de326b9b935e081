CREATE INDEX posts_title_prefix ON posts (title(50));
ALTER TABLE posts ADD FULLTEXT INDEX posts_fulltext (title, content);
CREATE INDEX users_created_desc ON users (created_at DESC, id);
