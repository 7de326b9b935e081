CREATE MATERIALIZED VIEW IF NOT EXISTS project_stats AS
SELECT project_id, count(*) AS work_items, count(*) FILTER (WHERE completed_at IS NOT NULL) AS done
FROM work_items
GROUP BY project_id
WITH NO DATA;

CREATE UNIQUE INDEX project_stats_project_id_idx ON project_stats (project_id);
