ALTER TABLE IF EXISTS tasks RENAME TO work_items;
ALTER SEQUENCE IF EXISTS tasks_id_seq RENAME TO work_items_id_seq;
ALTER INDEX IF EXISTS tasks_pkey RENAME TO work_items_pkey;
ALTER INDEX IF EXISTS tasks_project_due_idx RENAME TO work_items_project_due_idx;
ALTER INDEX IF EXISTS tasks_open_idx RENAME TO work_items_open_idx;
ALTER TABLE work_items RENAME CONSTRAINT tasks_project_fk TO work_items_project_fk;
ALTER TABLE work_items RENAME CONSTRAINT tasks_priority_range TO work_items_priority_range;
