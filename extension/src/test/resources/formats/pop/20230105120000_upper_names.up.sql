-- dbparity:irreversible the original spelling of names is not kept
UPDATE users SET name = UPPER(name);
