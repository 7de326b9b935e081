-- Sort work item titles byte-wise, as the old system did.
ALTER TABLE work_items ALTER COLUMN title TYPE text COLLATE "C";
