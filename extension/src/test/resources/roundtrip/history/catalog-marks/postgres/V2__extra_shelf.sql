-- Rows only: the catalog is not written, so no schema needs reading again.
INSERT INTO shelf (id, name) VALUES (1000, 'extra');
