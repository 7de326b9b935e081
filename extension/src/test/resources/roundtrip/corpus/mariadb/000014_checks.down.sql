ALTER TABLE posts DROP CONSTRAINT posts_rating_range;
ALTER TABLE posts DROP CONSTRAINT posts_price_positive;
