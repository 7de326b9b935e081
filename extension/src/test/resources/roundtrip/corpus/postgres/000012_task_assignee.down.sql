ALTER TABLE work_items DROP CONSTRAINT IF EXISTS tasks_assignee_fk;
ALTER TABLE work_items DROP COLUMN IF EXISTS assignee_id;
