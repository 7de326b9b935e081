ALTER TABLE author ALTER COLUMN sort_name TYPE text COLLATE "default";
