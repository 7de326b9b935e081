-- Every kind of object the MariaDB reader knows, each at least once.
CREATE TABLE customer (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(190) NOT NULL,
  name VARCHAR(100) NOT NULL COMMENT 'shown on invoices',
  country CHAR(2) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'DE',
  newsletter BOOLEAN NOT NULL DEFAULT FALSE,
  loyalty INT(5) UNSIGNED ZEROFILL,
  internal_code VARCHAR(20) INVISIBLE,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
  CONSTRAINT uq_customer_email UNIQUE (email),
  KEY customer_name_prefix (name(10)),
  FULLTEXT KEY customer_name_text (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='people who order';

CREATE TABLE product (
  sku VARCHAR(32) NOT NULL PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  price DECIMAL(10,2) NOT NULL,
  discount DECIMAL(4,3) NOT NULL DEFAULT 0.000,
  net_price DECIMAL(10,2) AS (price * (1 - discount)) VIRTUAL,
  title_lower VARCHAR(200) AS (LOWER(title)) STORED,
  CONSTRAINT product_price_positive CHECK (price > 0),
  CHECK (discount BETWEEN 0 AND 1)
);

CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT,
  customer_id INT UNSIGNED NOT NULL,
  placed_at DATETIME NOT NULL DEFAULT NOW(),
  status ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new',
  total DECIMAL(12,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (id, placed_at),
  KEY orders_by_customer (customer_id, placed_at DESC)
) PARTITION BY RANGE (YEAR(placed_at)) (
  PARTITION p2023 VALUES LESS THAN (2024),
  PARTITION p2024 VALUES LESS THAN (2025),
  PARTITION pmax VALUES LESS THAN MAXVALUE
);

CREATE TABLE order_line (
  order_id BIGINT NOT NULL,
  line_no SMALLINT NOT NULL,
  sku VARCHAR(32) NOT NULL,
  customer_id INT UNSIGNED,
  quantity INT NOT NULL DEFAULT 1 CHECK (quantity > 0),
  PRIMARY KEY (order_id, line_no),
  CONSTRAINT fk_line_product FOREIGN KEY (sku) REFERENCES product (sku) ON DELETE RESTRICT ON UPDATE CASCADE,
  FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE SET NULL
);

CREATE SEQUENCE invoice_number START WITH 1000 INCREMENT BY 10 MAXVALUE 999999 CACHE 20 CYCLE;
