ALTER TABLE ${prefix}customers DROP COLUMN email;
