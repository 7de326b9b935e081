-- +goose up
ALTER TABLE users ADD COLUMN email TEXT;
