-- MySQL 8 spellings the reader must normalise: unquoted literal defaults, CURRENT_TIMESTAMP, generated check names,
-- functional indexes.
CREATE TABLE item (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  active BOOL NOT NULL DEFAULT TRUE,
  label VARCHAR(40) NOT NULL DEFAULT 'it''s',
  quantity INT NOT NULL DEFAULT '0',
  email VARCHAR(120),
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  CHECK (quantity >= 0),
  INDEX ((LOWER(email)))
);
