-- Who did it.
-- dbparity:irreversable nobody reads the actor column
ALTER TABLE audit ADD COLUMN actor TEXT;
