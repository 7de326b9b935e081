-- adds checks
ALTER TABLE a ADD COLUMN n INT;

ALTER TABLE a ADD CONSTRAINT n_positive CHEK (n > 0);
