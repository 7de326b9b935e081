ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_balance_nonnegative;
