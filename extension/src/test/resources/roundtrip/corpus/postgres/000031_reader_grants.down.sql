REVOKE EXECUTE ON FUNCTION set_updated_at() FROM corpus_reader;
REVOKE UPDATE (status) ON projects FROM corpus_reader;
REVOKE SELECT ON accounts, projects FROM corpus_reader;
