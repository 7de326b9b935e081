ALTER TABLE projects DROP CONSTRAINT IF EXISTS projects_account_name_key;
DROP TABLE IF EXISTS memberships;
