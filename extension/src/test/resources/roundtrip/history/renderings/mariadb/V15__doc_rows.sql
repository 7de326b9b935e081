INSERT INTO doc (title, place) VALUES ('a', POINT(1, 1)), ('b', POINT(2, 2));
ALTER TABLE doc ADD COLUMN pages INT;
