DROP VIEW IF EXISTS active_projects;
CREATE VIEW active_projects AS
SELECT p.id, p.name, a.email AS owner_email
FROM projects p
JOIN accounts a ON a.id = p.account_id
WHERE NOT p.archived;
