CREATE TABLE shelf (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);
-- A change that no script names: the statement is built at run time.
CREATE PROCEDURE add_note() BEGIN PREPARE change_shelf FROM 'ALTER TABLE shelf ADD COLUMN note VARCHAR(20)'; EXECUTE change_shelf; DEALLOCATE PREPARE change_shelf; END;
