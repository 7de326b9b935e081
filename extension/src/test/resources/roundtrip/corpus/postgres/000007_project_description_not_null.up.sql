UPDATE projects SET description = '' WHERE description IS NULL;
ALTER TABLE projects ALTER COLUMN description SET NOT NULL;
ALTER TABLE projects ALTER COLUMN description SET DEFAULT '';
