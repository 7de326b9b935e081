DROP INDEX shelf_label_idx;
DROP TABLE shelves;
