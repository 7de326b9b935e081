CREATE TABLE IF NOT EXISTS tasks (
    id           bigserial PRIMARY KEY,
    project_id   integer NOT NULL,
    title        text NOT NULL,
    priority     smallint NOT NULL DEFAULT 3,
    due_on       date,
    completed_at timestamp(6) with time zone,
    attachment   bytea,
    estimate     interval,
    CONSTRAINT tasks_project_fk FOREIGN KEY (project_id) REFERENCES projects (id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT tasks_priority_range CHECK (priority BETWEEN 1 AND 5)
);

CREATE INDEX IF NOT EXISTS tasks_project_due_idx ON tasks (project_id, due_on DESC NULLS LAST);
CREATE INDEX IF NOT EXISTS tasks_open_idx ON tasks (project_id) WHERE completed_at IS NULL;
