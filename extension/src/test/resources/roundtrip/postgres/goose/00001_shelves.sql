-- +goose Up
CREATE TABLE shelf (
	id SERIAL PRIMARY KEY,
	label TEXT NOT NULL
);

-- +goose StatementBegin
CREATE FUNCTION shelf_label_upper() RETURNS trigger AS $$
BEGIN
	NEW.label := upper(NEW.label);
	RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER shelf_label BEFORE INSERT ON shelf FOR EACH ROW EXECUTE FUNCTION shelf_label_upper();

-- +goose Down
DROP TRIGGER shelf_label ON shelf;
DROP FUNCTION shelf_label_upper();
DROP TABLE shelf;
