-- The column had a default of 0 before: dropping it is not the same.
ALTER TABLE book ALTER COLUMN price DROP DEFAULT;
