-- The placed date's default is frozen: PostgreSQL stores the day this ran.
CREATE TABLE orders (
	id INT PRIMARY KEY,
	created TIMESTAMP NOT NULL,
	placed DATE DEFAULT 'today',
	label TEXT DEFAULT 'now'
);
