CREATE SCHEMA IF NOT EXISTS audit;
CREATE TABLE audit.book_change (id bigserial PRIMARY KEY, book_id bigint NOT NULL, changed_at timestamptz DEFAULT now());
