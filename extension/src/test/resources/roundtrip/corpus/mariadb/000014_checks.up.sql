ALTER TABLE posts ADD CONSTRAINT posts_price_positive CHECK (price >= 0);
ALTER TABLE posts ADD CONSTRAINT posts_rating_range CHECK (rating IS NULL OR rating BETWEEN 0 AND 5);
