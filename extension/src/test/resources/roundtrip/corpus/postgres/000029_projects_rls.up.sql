ALTER TABLE projects ENABLE ROW LEVEL SECURITY;

CREATE POLICY projects_by_account ON projects
    USING (account_id = current_setting('app.account_id', true)::bigint)
    WITH CHECK (account_id = current_setting('app.account_id', true)::bigint);
CREATE POLICY projects_read_archived ON projects AS PERMISSIVE FOR SELECT TO PUBLIC USING (archived);
