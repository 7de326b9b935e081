DROP INDEX IF EXISTS projects_one_active_name_idx;
DROP INDEX IF EXISTS tasks_project_covering_idx;
DROP INDEX IF EXISTS accounts_created_brin;
DROP INDEX IF EXISTS accounts_tags_idx;
DROP INDEX IF EXISTS accounts_settings_idx;
DROP INDEX IF EXISTS projects_name_trgm_idx;
DROP INDEX IF EXISTS projects_lower_name_idx;
