-- A row whose trigger changes the schema: the script itself writes no catalog row.
INSERT INTO shelves (id, name) VALUES (1002, 'audited');
