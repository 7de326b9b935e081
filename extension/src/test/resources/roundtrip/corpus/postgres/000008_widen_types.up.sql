-- Priorities get a finer scale later; names may be long.
ALTER TABLE tasks ALTER COLUMN priority TYPE integer;
ALTER TABLE projects ALTER COLUMN name TYPE text;
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(14, 4);
