DROP VIEW recent;
