DROP TRIGGER shelf_touch;
CREATE TRIGGER shelf_touch BEFORE INSERT ON shelf FOR EACH ROW SET NEW.name = NEW.name;
