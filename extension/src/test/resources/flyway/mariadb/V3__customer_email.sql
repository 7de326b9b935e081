ALTER TABLE ${prefix}customers ADD COLUMN email VARCHAR(200);
