-- The column was COLLATE "C": TYPE text alone keeps the default collation.
ALTER TABLE author ALTER COLUMN sort_name TYPE text;
