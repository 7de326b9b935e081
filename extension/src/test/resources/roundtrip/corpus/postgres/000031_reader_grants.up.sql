DO $$
BEGIN
    CREATE ROLE corpus_reader NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL;
END
$$;

GRANT SELECT ON accounts, projects TO corpus_reader;
GRANT SELECT, UPDATE (status) ON projects TO corpus_reader;
GRANT EXECUTE ON FUNCTION set_updated_at() TO corpus_reader;
