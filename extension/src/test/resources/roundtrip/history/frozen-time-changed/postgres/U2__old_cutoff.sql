-- Wrong: the cutoff before V2 was 2020-01-01; and the recent view loses its interval.
CREATE OR REPLACE VIEW old_orders AS SELECT id FROM orders WHERE created < '2020-06-01'::timestamp;
CREATE OR REPLACE VIEW recent AS SELECT id FROM orders WHERE created > 'now'::timestamp - interval '8 days';
