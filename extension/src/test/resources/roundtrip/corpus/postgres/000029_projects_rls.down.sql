DROP POLICY IF EXISTS projects_read_archived ON projects;
DROP POLICY IF EXISTS projects_by_account ON projects;
ALTER TABLE projects DISABLE ROW LEVEL SECURITY;
