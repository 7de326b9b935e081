-- Soft deletes: posts must survive their author.
ALTER TABLE posts DROP FOREIGN KEY posts_user_id_foreign;
ALTER TABLE posts MODIFY user_id BIGINT UNSIGNED NULL;
ALTER TABLE posts ADD CONSTRAINT posts_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL;
