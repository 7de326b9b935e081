CREATE INDEX projects_lower_name_idx ON projects (lower(name));
CREATE INDEX projects_name_trgm_idx ON projects USING gin (name gin_trgm_ops);
CREATE INDEX accounts_settings_idx ON accounts USING gin (settings jsonb_path_ops);
CREATE INDEX accounts_tags_idx ON accounts USING gin (tags);
CREATE INDEX accounts_created_brin ON accounts USING brin (created_at) WITH (pages_per_range = 32);
CREATE INDEX tasks_project_covering_idx ON work_items (project_id) INCLUDE (title, priority);
CREATE UNIQUE INDEX projects_one_active_name_idx ON projects (account_id, lower(name)) WHERE NOT archived;
