-- The undo renames the column back, but also widens the label: a change the round trip must still see.
ALTER TABLE racks RENAME COLUMN number TO id, MODIFY label VARCHAR(30);
