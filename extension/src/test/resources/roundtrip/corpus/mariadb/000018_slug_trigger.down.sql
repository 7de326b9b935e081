DROP TRIGGER IF EXISTS posts_before_insert;
