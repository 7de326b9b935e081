-- The shop schema written tersely: inline keys and checks, generated names, short type spellings.
CREATE TABLE customer (
  id INT AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(120) NOT NULL UNIQUE,
  active BOOL NOT NULL DEFAULT TRUE,
  visits INT NOT NULL DEFAULT 0 CHECK (visits >= 0),
  nickname VARCHAR(40),
  profile JSON,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
);

CREATE TABLE orders (
  id BIGINT PRIMARY KEY,
  customer_id INT NOT NULL REFERENCES customer (id),
  status ENUM('new', 'Paid', 'shipped') NOT NULL DEFAULT 'new',
  total DECIMAL(12,2) NOT NULL DEFAULT 0,
  ratio DOUBLE,
  note VARCHAR(200) DEFAULT 'none',
  placed_on DATE DEFAULT '2020-01-01',
  KEY (status, placed_on DESC)
);

CREATE SEQUENCE invoice_number;

CREATE VIEW big_order AS SELECT id, total FROM orders WHERE total > 100;

CREATE TRIGGER orders_note BEFORE INSERT ON orders FOR EACH ROW SET NEW.note = COALESCE(NEW.note, 'none');

DELIMITER //
CREATE FUNCTION order_count(p_customer INT) RETURNS INT
READS SQL DATA
BEGIN
  RETURN (SELECT COUNT(*) FROM orders WHERE customer_id = p_customer);
END //
DELIMITER ;

CREATE TABLE coupon (
  id SERIAL,
  code VARCHAR(20) NOT NULL,
  flags BIT(1) NOT NULL DEFAULT b'0',
  valid_from DATETIME NOT NULL DEFAULT '2024-01-01',
  percent TINYINT UNSIGNED NOT NULL,
  CHECK (percent <= 100),
  CHECK (percent > 0),
  UNIQUE INDEX (code),
  KEY (valid_from) USING HASH
);

CREATE VIEW active_coupon AS SELECT code FROM coupon WHERE valid_from <= '2030-01-01';
