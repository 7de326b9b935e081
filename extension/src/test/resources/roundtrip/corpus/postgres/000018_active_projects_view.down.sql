DROP VIEW IF EXISTS active_projects;
