-- migrate:up transaction:false
ALTER TABLE users ADD COLUMN email TEXT;

-- migrate:down
