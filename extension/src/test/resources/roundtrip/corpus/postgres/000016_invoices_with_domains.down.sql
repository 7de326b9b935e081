DROP TABLE IF EXISTS invoices;
DROP DOMAIN IF EXISTS positive_amount;
DROP DOMAIN IF EXISTS email_address;
