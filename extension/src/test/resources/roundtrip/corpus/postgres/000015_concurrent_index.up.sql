CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_last_ip_idx ON accounts USING gist (last_ip inet_ops);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_public_id_idx ON accounts (public_id);
