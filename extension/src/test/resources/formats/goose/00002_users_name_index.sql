-- +goose NO TRANSACTION
-- +goose Up
-- dbparity:irreversible the index is kept on purpose
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);

-- +goose Down
-- +goose StatementBegin
-- +goose StatementEnd
