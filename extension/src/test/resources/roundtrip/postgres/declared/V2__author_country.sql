-- dbparity:allow DESTRUCTIVE going back to V1 gives up the books
ALTER TABLE author ADD COLUMN country CHAR(2);
