CREATE TABLE orders (
  id BIGINT(20) NOT NULL,
  customer_id INTEGER NOT NULL,
  status ENUM('new','Paid','shipped') NOT NULL DEFAULT 'new',
  total NUMERIC(12,2) NOT NULL DEFAULT '0.00',
  ratio DOUBLE PRECISION NULL,
  note VARCHAR(200) DEFAULT 'none',
  placed_on DATE DEFAULT '2020-01-01',
  CONSTRAINT PRIMARY KEY (id),
  FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE NO ACTION ON UPDATE RESTRICT
) ENGINE = InnoDB;

CREATE INDEX status ON orders (status ASC, placed_on DESC);

ALTER TABLE customer ADD COLUMN updated_at DATETIME(3) NULL DEFAULT now(3) ON UPDATE now(3);

CREATE TRIGGER orders_note
  BEFORE INSERT ON orders
  FOR EACH ROW
    SET NEW.note   =   COALESCE(NEW.note, 'none');

create view big_order as
  select id, total
    from orders
   where total > 100;

CREATE FUNCTION order_count(p_customer INT(11)) RETURNS INTEGER
READS SQL DATA
BEGIN
  RETURN (SELECT COUNT(*) FROM orders WHERE customer_id = p_customer);
END;

CREATE SEQUENCE invoice_number START WITH 1 INCREMENT BY 1 MINVALUE 1 NOCYCLE;
