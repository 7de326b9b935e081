COMMENT ON SCHEMA public IS 'standard public schema';
COMMENT ON COLUMN projects.trial IS NULL;
COMMENT ON COLUMN accounts.public_id IS NULL;
COMMENT ON TABLE accounts IS NULL;
