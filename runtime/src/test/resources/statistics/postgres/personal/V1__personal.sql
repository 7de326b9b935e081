-- Personal data in columns whose names say nothing, which the content rules must find (see
-- StatisticsPersonalDataTests), and ordinary codes beside them, which must keep their values.
CREATE TABLE contact_book (
	id integer PRIMARY KEY,
	contact text NOT NULL,
	line text NOT NULL,
	code text NOT NULL
);

INSERT INTO contact_book
SELECT i, 'someone' || i || '@hidden.example', '+49 30 ' || (7000000 + i),
       (100 + i) || '-' || lpad((10 + i % 80)::text, 2, '0') || '-' || lpad((1000 + i)::text, 4, '0')
FROM generate_series(1, 300) i;

-- Well-known test card numbers and IBANs (all with valid check digits), repeated so that they have top values.
CREATE TABLE payment (
	id integer PRIMARY KEY,
	ref text NOT NULL,
	account text NOT NULL,
	amount numeric(8, 2) NOT NULL
);

INSERT INTO payment
SELECT i,
       (ARRAY['4111111111111111', '5555 5555 5555 4444', '378282246310005', '4012888888881881',
              '6011111111111117'])[1 + i % 5],
       (ARRAY['DE89370400440532013000', 'GB82 WEST 1234 5698 7654 32', 'FR1420041010050500013M02606',
              'NL91ABNA0417164300'])[1 + i % 4],
       i * 2.5
FROM generate_series(1, 60) i;

-- No key: its rows have no cheap repeatable order, so the values the capture reads are checked instead.
CREATE TABLE message_log (
	sender text NOT NULL,
	body text NOT NULL
);

INSERT INTO message_log
SELECT 'writer' || (i % 5) || '@hidden.example', 'hello'
FROM generate_series(1, 50) i;

-- Codes, numbers and dates that look like nothing personal.
CREATE TABLE product (
	id integer PRIMARY KEY,
	sku text NOT NULL,
	barcode bigint NOT NULL,
	released text NOT NULL,
	version text NOT NULL
);

INSERT INTO product
SELECT i, 'SKU-' || lpad(i::text, 6, '0'), 4006381333931 + i * 10, '2024-01-' || lpad((1 + i % 28)::text, 2, '0'),
       '1.' || (i % 4) || '.' || (i % 7)
FROM generate_series(1, 120) i;
