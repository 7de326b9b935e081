-- Views cannot lose columns through CREATE OR REPLACE, so the down drops and re-creates it.
CREATE OR REPLACE VIEW active_projects AS
SELECT p.id, p.name, a.email AS owner_email,
       (SELECT count(*) FROM work_items t WHERE t.project_id = p.id) AS task_count
FROM projects p
JOIN accounts a ON a.id = p.account_id
WHERE NOT p.archived;
