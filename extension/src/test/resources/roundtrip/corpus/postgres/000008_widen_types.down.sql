ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(12, 2) USING round(balance, 2);
ALTER TABLE projects ALTER COLUMN name TYPE varchar(200) USING substr(name, 1, 200);
ALTER TABLE tasks ALTER COLUMN priority TYPE smallint USING priority::smallint;
