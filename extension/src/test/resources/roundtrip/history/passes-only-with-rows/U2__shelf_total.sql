DROP TABLE shelf_total;
