-- PostgreSQL cannot drop an enum value: re-create the type without it.
UPDATE projects SET status = 'archived' WHERE status = 'deleted';
ALTER TYPE project_status RENAME TO project_status_old;
CREATE TYPE project_status AS ENUM ('draft', 'active', 'archived');
ALTER TABLE projects ALTER COLUMN status DROP DEFAULT;
ALTER TABLE projects ALTER COLUMN status TYPE project_status USING status::text::project_status;
ALTER TABLE projects ALTER COLUMN status SET DEFAULT 'draft';
DROP TYPE project_status_old;
