-- Dropped by name, re-created with another body than before V5.
DROP TRIGGER shelf_touch;
CREATE TRIGGER shelf_touch BEFORE INSERT ON shelf FOR EACH ROW SET NEW.name = TRIM(NEW.name);
