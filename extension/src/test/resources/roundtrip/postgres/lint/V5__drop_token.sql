-- dbparity:allow DESTRUCTIVE the token was never read
ALTER TABLE orders DROP COLUMN token;
