-- The bug: the rename is not undone.
SELECT 1;
