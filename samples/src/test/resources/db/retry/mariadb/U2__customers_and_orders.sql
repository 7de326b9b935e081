DROP FUNCTION order_total;
DROP TABLE order_item;
DROP TABLE customer_order;
DROP TABLE customer;
