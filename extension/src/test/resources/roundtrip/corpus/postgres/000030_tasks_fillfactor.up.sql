-- Work items are updated in place a lot: leave room for HOT updates.
ALTER TABLE work_items SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.05);
ALTER INDEX work_items_open_idx SET (fillfactor = 70);
