-- dbparity:allow DESTRUCTIVE orders reference customers by id since V1
ALTER TABLE orders DROP COLUMN customer;
