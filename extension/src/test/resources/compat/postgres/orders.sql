-- queries of the application version in production
SELECT id, total FROM orders WHERE id = ?;

SELECT id, token
  FROM orders
  WHERE total > 10;
