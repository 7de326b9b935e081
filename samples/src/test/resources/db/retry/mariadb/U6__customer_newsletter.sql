DROP INDEX IF EXISTS customer_newsletter_idx ON customer;
ALTER TABLE customer DROP COLUMN IF EXISTS newsletter;
