-- For the other databases pop supports (SQLite): neither PostgreSQL nor MariaDB runs it, as each has its own file.
ALTER TABLE users ADD COLUMN email_for_others TEXT;
