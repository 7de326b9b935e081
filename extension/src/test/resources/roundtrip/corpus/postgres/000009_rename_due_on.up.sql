ALTER TABLE tasks RENAME COLUMN due_on TO due_date;
