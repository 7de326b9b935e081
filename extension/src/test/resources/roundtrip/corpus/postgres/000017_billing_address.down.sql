ALTER TABLE accounts DROP COLUMN IF EXISTS billing_address;
DROP TYPE IF EXISTS postal_address;
