-- 100000 rows (and 10000 parents) drawn from the distributions StatisticsShapeTests compares across sizes.
CREATE TABLE customer (id integer PRIMARY KEY, region text NOT NULL);

CREATE TABLE purchase (
	id integer PRIMARY KEY,
	customer_id integer NOT NULL REFERENCES customer (id),
	category text NOT NULL,
	amount double precision NOT NULL,
	day date NOT NULL,
	note text
);

INSERT INTO customer SELECT i, 'r' || (i % 3) FROM generate_series(1, 10000) i;

-- The golden ratio's fractional parts spread i = 1..n evenly over [0, 1) at every n: the same distribution at any size.
INSERT INTO purchase
SELECT i, 1 + i % 10000,
       CASE WHEN i % 10 < 5 THEN 'a' WHEN i % 10 < 8 THEN 'b' ELSE 'c' END,
       ((i * 0.6180339887498949) % 1) * 1000,
       date '2024-01-01' + (((i * 0.7548776662466927) % 1) * 365)::integer,
       CASE WHEN i % 10 = 0 THEN NULL ELSE 'n' || (i % 50) END
FROM generate_series(1, 100000) i;
