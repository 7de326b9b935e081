ALTER TABLE customer DROP COLUMN loyalty_tier;
