-- Dropping the key leaves the index InnoDB made for it: drop both, as Laravel's dropForeign + dropIndex do.
ALTER TABLE posts DROP FOREIGN KEY posts_editor_id_foreign;
ALTER TABLE posts DROP INDEX posts_editor_id_foreign;
ALTER TABLE posts DROP COLUMN editor_id;
