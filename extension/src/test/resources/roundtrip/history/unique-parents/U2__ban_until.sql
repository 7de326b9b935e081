-- The bug a round trip must catch: the undo empties the table.
DELETE FROM ban;
ALTER TABLE ban DROP COLUMN until_day;
