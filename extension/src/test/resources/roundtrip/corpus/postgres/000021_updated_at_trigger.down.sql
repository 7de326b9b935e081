DROP FUNCTION IF EXISTS account_display_name(accounts);
DROP TRIGGER IF EXISTS accounts_set_updated_at ON accounts;
DROP FUNCTION IF EXISTS set_updated_at();
