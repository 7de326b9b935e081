-- The order history page of the version production runs now.
SELECT id, status, total FROM customer_order WHERE customer_id = ? ORDER BY ordered_at DESC;
