-- 100 rows whose statistics are known exactly (see StatisticsPostgresTests), and personal-looking values that no
-- statistics file may contain.
CREATE TABLE author (
	id integer PRIMARY KEY,
	email text NOT NULL,
	full_name text,
	birth_date date
);

CREATE TABLE known (
	id integer PRIMARY KEY,
	grp integer NOT NULL,
	label varchar(10),
	amount numeric(6,2) NOT NULL,
	day date NOT NULL,
	flag boolean NOT NULL,
	author_id integer REFERENCES author (id),
	secret_note text
);

INSERT INTO author
SELECT i, 'person' || i || '@leak.example', 'Leakname' || i, date '1970-01-01' + i * 97
FROM generate_series(1, 20) i;

INSERT INTO known
SELECT i, i % 4, CASE WHEN i % 5 = 0 THEN NULL ELSE 'L' || (i % 3) END, i * 1.5, date '2024-01-01' + i, i % 2 = 0,
       CASE WHEN i % 10 = 0 THEN NULL ELSE 1 + i % 20 END, 'Secretvalue' || (i % 7)
FROM generate_series(1, 100) i;
