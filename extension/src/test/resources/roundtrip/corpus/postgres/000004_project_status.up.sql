CREATE TYPE project_status AS ENUM ('draft', 'active', 'archived');

ALTER TABLE projects ADD COLUMN status project_status NOT NULL DEFAULT 'draft';
