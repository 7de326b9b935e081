DROP VIEW rack_labels;
DROP TABLE shelf;
DROP TABLE rack;
