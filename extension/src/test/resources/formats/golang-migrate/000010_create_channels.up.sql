CREATE TABLE channels (
	id INT PRIMARY KEY,
	team_id INT NOT NULL REFERENCES teams (id)
);
