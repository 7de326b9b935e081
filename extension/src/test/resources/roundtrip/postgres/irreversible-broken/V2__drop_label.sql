-- dbparity:irreversible the labels are not kept anywhere
ALTER TABLE shelf ADD COLUMN position INT;
ALTER TABLE shelf DROPP COLUMN label;
