-- The table was DYNAMIC explicitly.
ALTER TABLE note ROW_FORMAT=COMPACT;
