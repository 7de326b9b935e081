-- dbparity:irreversible the in_print flags of old books are not kept anywhere
ALTER TABLE book DROP COLUMN in_print;
