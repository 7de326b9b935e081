INSERT INTO shelf_copy (id, created_on) SELECT id, NULL FROM shelf;
