SELECT id, total FROM orders WHERE customer = ?;
