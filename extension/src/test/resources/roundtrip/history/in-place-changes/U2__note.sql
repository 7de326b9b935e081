DROP TABLE note;
-- wrong: renames every shelf in place; the row count stays
UPDATE shelf SET name = CONCAT(name, ' (old)');
