CREATE VIEW customer_order_total AS
  SELECT c.id AS customer_id, c.email, SUM(o.total) AS total
    FROM customer c JOIN orders o ON o.customer_id = c.id
   GROUP BY c.id, c.email;

CREATE VIEW paid_orders AS SELECT id, total FROM orders WHERE status = 'paid' WITH CHECK OPTION;

CREATE TRIGGER order_line_default_quantity BEFORE INSERT ON order_line
FOR EACH ROW
  SET NEW.quantity = GREATEST(NEW.quantity, 1);

DELIMITER $$
CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW
BEGIN
  IF NEW.email <> OLD.email THEN
    SET NEW.updated_at = NOW();
  END IF;
END$$

CREATE FUNCTION order_total(p_order BIGINT) RETURNS DECIMAL(12,2)
  READS SQL DATA
  DETERMINISTIC
  COMMENT 'sum of an order'
BEGIN
  RETURN (SELECT total FROM orders WHERE id = p_order);
END$$
DELIMITER ;

CREATE PROCEDURE archive_orders(IN p_before DATE, OUT p_count INT)
  MODIFIES SQL DATA
  SQL SECURITY INVOKER
BEGIN
  SELECT COUNT(*) INTO p_count FROM orders WHERE placed_at < p_before;
END;
