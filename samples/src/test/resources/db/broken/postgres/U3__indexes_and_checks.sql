-- Broken on purpose: forgets DROP INDEX book_author_idx.
ALTER TABLE customer_order DROP CONSTRAINT customer_order_status_known;
ALTER TABLE order_item DROP CONSTRAINT order_item_quantity_positive;
ALTER TABLE book DROP CONSTRAINT book_price_positive;
DROP INDEX customer_order_customer_idx;
