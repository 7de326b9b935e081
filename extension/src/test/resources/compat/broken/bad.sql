SELECT id FROM orders;
SELECT 'unterminated FROM orders;
