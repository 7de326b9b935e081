ALTER TABLE review COMMENT = 'Reader reviews';
