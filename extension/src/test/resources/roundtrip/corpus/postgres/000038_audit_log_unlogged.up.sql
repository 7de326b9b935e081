CREATE UNLOGGED TABLE IF NOT EXISTS audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5),
    logged_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    entry     jsonb NOT NULL
);
ALTER TABLE audit_log SET LOGGED;
