ALTER TABLE work_items RENAME CONSTRAINT work_items_priority_range TO tasks_priority_range;
ALTER TABLE work_items RENAME CONSTRAINT work_items_project_fk TO tasks_project_fk;
ALTER INDEX IF EXISTS work_items_open_idx RENAME TO tasks_open_idx;
ALTER INDEX IF EXISTS work_items_project_due_idx RENAME TO tasks_project_due_idx;
ALTER INDEX IF EXISTS work_items_pkey RENAME TO tasks_pkey;
ALTER SEQUENCE IF EXISTS work_items_id_seq RENAME TO tasks_id_seq;
ALTER TABLE IF EXISTS work_items RENAME TO tasks;
