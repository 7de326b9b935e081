SELECT id, note FROM orders WHERE id = ?;
