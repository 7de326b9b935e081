DELETE FROM shelves WHERE id = 1001;
-- The bug: a comment on a schema initdb created, whose catalog row is older than every user object.
COMMENT ON SCHEMA public IS 'shelves';
