DELIMITER //
CREATE TRIGGER posts_before_insert BEFORE INSERT ON posts
FOR EACH ROW
BEGIN
    IF NEW.slug IS NULL OR NEW.slug = '' THEN
        SET NEW.slug = LOWER(REPLACE(NEW.title, ' ', '-'));
    END IF;
END//
DELIMITER ;
