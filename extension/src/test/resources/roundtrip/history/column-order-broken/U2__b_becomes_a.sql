-- wrong: drops the notes, which the up keeps
ALTER TABLE shelf DROP COLUMN note;
ALTER TABLE shelf ADD COLUMN b VARCHAR(40);
