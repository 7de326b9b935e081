-- The bug a round trip must catch: the undo empties the counts and does not rebuild them.
DELETE FROM author_stats;
ALTER TABLE author_stats DROP COLUMN last_post;
