-- Time zone conversions written as SQL syntax: PostgreSQL 15 deparses them as timezone() calls, 16+ as written.
CREATE TABLE event (
	id integer PRIMARY KEY,
	at timestamp NOT NULL,
	at_utc timestamptz GENERATED ALWAYS AS (at AT TIME ZONE 'UTC') STORED,
	recorded timestamp DEFAULT (now() AT TIME ZONE 'UTC'),
	CHECK ((at AT TIME ZONE 'UTC') > '2000-01-01')
);
CREATE INDEX event_day ON event (((at + interval '1 day') AT TIME ZONE 'UTC'));
CREATE INDEX event_recent ON event (id) WHERE (at AT TIME ZONE 'UTC') > '2020-01-01';
