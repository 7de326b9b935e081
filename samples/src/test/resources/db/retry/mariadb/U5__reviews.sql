DROP VIEW book_rating;
DROP TABLE review;
