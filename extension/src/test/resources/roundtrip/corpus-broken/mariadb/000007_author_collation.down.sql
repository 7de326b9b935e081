-- The charset's default collation is utf8mb4_general_ci, not the table's utf8mb4_unicode_ci.
ALTER TABLE author CONVERT TO CHARACTER SET utf8mb4;
