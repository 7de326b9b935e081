SELECT id, customer FROM orders;
