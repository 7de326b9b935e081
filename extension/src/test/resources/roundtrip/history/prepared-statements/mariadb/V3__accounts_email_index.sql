SET @change = (SELECT IF(
    (SELECT COUNT(*) FROM INFORMATION_SCHEMA.STATISTICS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'accounts' AND INDEX_NAME = 'accounts_email') = 0,
    'CREATE UNIQUE INDEX accounts_email ON accounts (email);',
    'SELECT 1'));
PREPARE addIndex FROM @change;
EXECUTE addIndex;
DEALLOCATE PREPARE addIndex;
