DROP TABLE shelf_item;
DELETE FROM shelf;
