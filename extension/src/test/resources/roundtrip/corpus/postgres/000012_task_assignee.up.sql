ALTER TABLE work_items ADD COLUMN assignee_id bigint;

-- Added NOT VALID and validated separately, so that the long check does not block writes.
ALTER TABLE work_items ADD CONSTRAINT tasks_assignee_fk FOREIGN KEY (assignee_id)
    REFERENCES accounts (id) ON DELETE SET NULL NOT VALID;
ALTER TABLE work_items VALIDATE CONSTRAINT tasks_assignee_fk;
