-- 100 rows whose statistics are known exactly (see StatisticsMariaDbTests), and personal-looking values that no
-- statistics file may contain.
CREATE TABLE author (
	id integer PRIMARY KEY,
	email varchar(100) NOT NULL,
	full_name varchar(100),
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
SELECT seq, CONCAT('person', seq, '@leak.example'), CONCAT('Leakname', seq), DATE '1970-01-01' + INTERVAL seq * 97 DAY
FROM seq_1_to_20;

INSERT INTO known
SELECT seq, seq % 4, CASE WHEN seq % 5 = 0 THEN NULL ELSE CONCAT('L', seq % 3) END, seq * 1.5,
       DATE '2024-01-01' + INTERVAL seq DAY, seq % 2 = 0, CASE WHEN seq % 10 = 0 THEN NULL ELSE 1 + seq % 20 END,
       CONCAT('Secretvalue', seq % 7)
FROM seq_1_to_100;

-- Personal data in columns whose names say nothing: found by content (a keyed table by its first rows, a table
-- without a key by the values its capture reads).
CREATE TABLE contact_book (
	id integer PRIMARY KEY,
	contact varchar(100) NOT NULL,
	ref varchar(30) NOT NULL
);

INSERT INTO contact_book
SELECT seq, CONCAT('someone', seq, '@hidden.example'), ELT(1 + seq % 2, '4111111111111111', '5555 5555 5555 4444')
FROM seq_1_to_60;

CREATE TABLE message_log (
	sender varchar(100) NOT NULL
);

INSERT INTO message_log
SELECT CONCAT('writer', seq % 5, '@hidden.example')
FROM seq_1_to_50;
