-- The users and their audit trigger.
-- dbparity:allow PERFORMANCE the trigger runs on every update
-- +goose Up
CREATE TABLE users (
	id INT PRIMARY KEY,
	name TEXT NOT NULL,
	updated_at TIMESTAMPTZ
);

-- +goose StatementBegin
CREATE FUNCTION touch_user() RETURNS trigger AS $$
BEGIN
	NEW.updated_at := now();
	RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch_user();

-- +goose Down
DROP TRIGGER users_touch ON users;
DROP FUNCTION touch_user();
DROP TABLE users;
