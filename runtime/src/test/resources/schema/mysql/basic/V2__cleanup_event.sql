-- An EVERY schedule without STARTS: the start the server stores is the creation time and must not be read.
CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY COMMENT 'nightly' DO DELETE FROM item WHERE quantity < 0;
