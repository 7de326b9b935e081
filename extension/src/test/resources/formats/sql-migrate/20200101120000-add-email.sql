-- +migrate Down
ALTER TABLE users DROP COLUMN email;

-- +migrate Up notransaction
-- +migrate StatementBegin
ALTER TABLE users ADD COLUMN email TEXT;
-- +migrate StatementEnd
