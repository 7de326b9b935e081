CREATE TABLE projects (
    id          serial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        varchar(200) NOT NULL,
    description text,
    archived    boolean NOT NULL DEFAULT false,
    budget      numeric,
    trial       interval DEFAULT '14 days',
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Foreign keys are not indexed by PostgreSQL itself.
CREATE INDEX projects_account_id_idx ON projects (account_id);
