-- The same shop schema written verbosely: table-level keys and checks, long type spellings, explicit defaults
-- that are the defaults anyway, and objects created in another order.
CREATE TABLE customer (
  id INTEGER(11) NOT NULL AUTO_INCREMENT,
  email CHARACTER VARYING(120) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  visits INT(11) NOT NULL DEFAULT '0',
  nickname VARCHAR(40) NULL DEFAULT NULL,
  profile LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(profile)),
  created_at TIMESTAMP NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE KEY (email),
  CHECK (`visits`>=0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
