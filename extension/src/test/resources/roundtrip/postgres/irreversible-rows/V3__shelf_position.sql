-- dbparity:irreversible production fills the position by hand before this runs
ALTER TABLE shelf ADD COLUMN position INT NOT NULL;
