ALTER INDEX work_items_open_idx RESET (fillfactor);
ALTER TABLE work_items RESET (fillfactor, autovacuum_vacuum_scale_factor);
