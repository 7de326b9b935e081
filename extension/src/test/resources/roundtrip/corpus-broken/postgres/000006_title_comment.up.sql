COMMENT ON COLUMN book.title IS 'Display title';
