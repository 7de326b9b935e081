DROP TABLE shelf_copy;
