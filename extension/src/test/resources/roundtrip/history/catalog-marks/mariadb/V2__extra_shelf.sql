-- Rows only: no statement that could change the schema runs, so no schema needs reading again.
INSERT INTO shelf (id, name) VALUES (1000, 'extra');
