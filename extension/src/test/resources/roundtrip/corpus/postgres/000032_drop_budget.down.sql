ALTER TABLE projects ADD COLUMN IF NOT EXISTS budget numeric;
