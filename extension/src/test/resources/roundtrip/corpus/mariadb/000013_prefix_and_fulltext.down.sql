DROP INDEX users_created_desc ON users;
ALTER TABLE posts DROP INDEX posts_fulltext;
DROP INDEX posts_title_prefix ON posts;
