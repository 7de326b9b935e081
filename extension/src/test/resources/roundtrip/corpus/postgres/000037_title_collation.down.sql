ALTER TABLE work_items ALTER COLUMN title TYPE text COLLATE "default";
