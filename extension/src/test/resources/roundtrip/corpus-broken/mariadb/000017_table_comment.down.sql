ALTER TABLE review COMMENT = 'Reviews';
