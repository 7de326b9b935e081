-- Customers choose whether they get the newsletter. Not retry-safe: if the index build fails, MariaDB has already
-- committed the column, and running the script again stops at the ADD COLUMN (use ADD COLUMN IF NOT EXISTS and
-- CREATE INDEX IF NOT EXISTS).
ALTER TABLE customer ADD COLUMN newsletter BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX customer_newsletter_idx ON customer (newsletter);
