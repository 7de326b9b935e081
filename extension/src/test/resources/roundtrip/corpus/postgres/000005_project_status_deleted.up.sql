ALTER TYPE project_status ADD VALUE IF NOT EXISTS 'deleted' AFTER 'archived';
