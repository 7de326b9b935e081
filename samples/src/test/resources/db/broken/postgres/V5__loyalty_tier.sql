-- Broken on purpose: a NOT NULL column without a default fails on every existing customer.
ALTER TABLE customer ADD COLUMN loyalty_tier VARCHAR(10) NOT NULL;
