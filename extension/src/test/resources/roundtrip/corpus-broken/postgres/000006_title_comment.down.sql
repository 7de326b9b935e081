COMMENT ON COLUMN book.title IS 'Title';
