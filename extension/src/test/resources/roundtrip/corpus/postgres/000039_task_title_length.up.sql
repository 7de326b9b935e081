ALTER TABLE work_items ADD CONSTRAINT tasks_title_length CHECK (char_length(title) <= 500) NOT VALID;
ALTER TABLE work_items VALIDATE CONSTRAINT tasks_title_length;
ALTER TABLE work_items ALTER COLUMN title SET STATISTICS 500;
