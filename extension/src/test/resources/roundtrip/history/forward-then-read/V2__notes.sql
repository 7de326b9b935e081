-- dbparity:irreversible the notes written from here on are kept
ALTER TABLE shelf ADD COLUMN note VARCHAR(40);
