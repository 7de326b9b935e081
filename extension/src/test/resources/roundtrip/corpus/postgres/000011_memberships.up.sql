CREATE TABLE memberships (
    account_id bigint  NOT NULL REFERENCES accounts ON DELETE CASCADE,
    project_id integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE ON UPDATE CASCADE,
    role       text    NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member', 'viewer')),
    joined_at  timestamptz NOT NULL DEFAULT transaction_timestamp(),
    PRIMARY KEY (account_id, project_id)
);

ALTER TABLE projects ADD CONSTRAINT projects_account_name_key UNIQUE (account_id, name);
