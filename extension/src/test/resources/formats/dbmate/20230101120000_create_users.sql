-- migrate:up
CREATE TABLE users (
	id INT PRIMARY KEY,
	name TEXT NOT NULL
);

-- migrate:down
DROP TABLE users;
