-- Comes back without its UNIQUE constraint.
ALTER TABLE book ADD COLUMN IF NOT EXISTS isbn text;
