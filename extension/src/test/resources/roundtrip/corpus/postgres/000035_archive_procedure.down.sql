DROP FUNCTION IF EXISTS open_task_count(integer);
DROP PROCEDURE IF EXISTS archive_project(integer);
