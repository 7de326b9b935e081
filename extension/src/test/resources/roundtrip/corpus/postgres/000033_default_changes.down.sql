ALTER TABLE work_items ALTER COLUMN priority SET DEFAULT 3;
ALTER TABLE projects
    ALTER COLUMN archived SET DEFAULT false,
    ALTER COLUMN trial SET DEFAULT '14 days';
