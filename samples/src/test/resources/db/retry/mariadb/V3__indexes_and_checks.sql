CREATE INDEX book_title_idx ON book (title);
CREATE INDEX customer_order_customer_idx ON customer_order (customer_id, ordered_at DESC);

ALTER TABLE book ADD CONSTRAINT book_price_positive CHECK (price > 0);
ALTER TABLE order_item ADD CONSTRAINT order_item_quantity_positive CHECK (quantity > 0);
ALTER TABLE customer_order ADD CONSTRAINT customer_order_status_known
    CHECK (status IN ('new', 'paid', 'shipped', 'cancelled'));
