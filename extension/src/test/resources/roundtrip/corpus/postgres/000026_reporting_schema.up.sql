CREATE SCHEMA IF NOT EXISTS reporting;

CREATE TABLE reporting.daily_signups (
    day     date PRIMARY KEY,
    signups integer NOT NULL DEFAULT 0
);

CREATE VIEW reporting.signups_last_week AS
SELECT day, signups FROM reporting.daily_signups WHERE day > CURRENT_DATE - 7;

CREATE FUNCTION reporting.signups_on(d date) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT signups FROM reporting.daily_signups WHERE day = d $$;
