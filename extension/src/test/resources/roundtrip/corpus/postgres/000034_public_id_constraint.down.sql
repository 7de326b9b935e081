ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_public_id_key;
CREATE UNIQUE INDEX IF NOT EXISTS accounts_public_id_idx ON accounts (public_id);
