ALTER TABLE orders ADD COLUMN note VARCHAR(20) DEFAULT 'none';
ALTER TABLE orders MODIFY total DECIMAL(14, 4) NOT NULL;
CREATE INDEX orders_total_idx ON orders (total);
