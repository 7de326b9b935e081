-- The foreign key of shelf follows the rename: read again with it.
RENAME TABLE rack TO racks;
