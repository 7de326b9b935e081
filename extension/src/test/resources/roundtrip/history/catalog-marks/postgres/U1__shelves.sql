DROP TABLE shelf;
DROP FUNCTION audit_shelf();
DROP FUNCTION add_note();
