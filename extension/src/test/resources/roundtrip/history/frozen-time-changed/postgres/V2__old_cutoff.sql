CREATE OR REPLACE VIEW old_orders AS SELECT id FROM orders WHERE created < '2021-01-01'::timestamp;
CREATE OR REPLACE VIEW recent AS SELECT id FROM orders WHERE created > 'now'::timestamp - interval '7 days';
