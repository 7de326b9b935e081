UPDATE orders SET token = 0.5 WHERE id = ?;
