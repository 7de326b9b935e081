-- Idempotent, as projects write them for MySQL: the column is added only where it is missing.
SET @change = (SELECT IF(
    (SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'accounts' AND COLUMN_NAME = 'locale') = 0,
    'ALTER TABLE accounts ADD COLUMN locale VARCHAR(10) NOT NULL DEFAULT ''en'';',
    'SELECT 1'));
PREPARE addLocale FROM @change;
EXECUTE addLocale;
DEALLOCATE PREPARE addLocale;
