-- An undo can only add the column back at the end: the round trip accepts the new column order.
-- Dropping the column drops its check (V3) too.
ALTER TABLE book DROP COLUMN price;
