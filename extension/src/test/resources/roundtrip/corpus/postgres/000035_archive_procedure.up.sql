CREATE OR REPLACE PROCEDURE archive_project(p_id integer)
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE projects SET archived = true, status = 'archived' WHERE id = p_id;
END
$$;

CREATE FUNCTION open_task_count(p_project integer) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE
AS 'SELECT count(*) FROM work_items WHERE project_id = p_project AND completed_at IS NULL';
