COMMENT ON TABLE accounts IS 'People and organisations that log in';
COMMENT ON COLUMN accounts.public_id IS 'Identifier shown in URLs';
COMMENT ON COLUMN projects.trial IS 'Length of the free trial';
COMMENT ON SCHEMA public IS 'standard public schema';
