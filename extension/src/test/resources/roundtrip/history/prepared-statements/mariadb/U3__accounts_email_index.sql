-- The real bug a round trip must still catch: the condition is inverted, so the index is never dropped.
SET @change = (SELECT IF(
    (SELECT COUNT(*) FROM INFORMATION_SCHEMA.STATISTICS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'accounts' AND INDEX_NAME = 'accounts_email') = 0,
    'DROP INDEX accounts_email ON accounts;',
    'SELECT 1'));
PREPARE dropIndex FROM @change;
EXECUTE dropIndex;
DEALLOCATE PREPARE dropIndex;
