DROP INDEX idx_teams_name;
