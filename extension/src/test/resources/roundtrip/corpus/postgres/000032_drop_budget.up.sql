-- Budgets moved to the billing service.
ALTER TABLE projects DROP COLUMN IF EXISTS budget;
