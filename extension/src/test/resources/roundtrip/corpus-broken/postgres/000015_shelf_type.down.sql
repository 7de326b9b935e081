-- Forgets the type.
DROP TABLE IF EXISTS shelf;
