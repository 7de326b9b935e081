ALTER TABLE projects
    ALTER COLUMN trial SET DEFAULT '30 days'::interval,
    ALTER COLUMN archived SET DEFAULT true;
ALTER TABLE work_items ALTER COLUMN priority SET DEFAULT 2;
