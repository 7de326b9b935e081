ALTER TABLE users DROP COLUMN email_for_others;
