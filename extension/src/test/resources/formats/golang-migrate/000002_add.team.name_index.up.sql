CREATE INDEX idx_teams_name ON teams (name);
