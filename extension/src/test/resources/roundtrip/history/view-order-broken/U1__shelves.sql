DROP VIEW shelf_view;
DROP TABLE shelf;
