-- wrong: the view loses the notes
DROP VIEW shelf_view;
ALTER TABLE shelf ADD COLUMN b VARCHAR(40);
CREATE VIEW shelf_view AS SELECT id, a, b FROM shelf;
