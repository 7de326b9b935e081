-- Kept so that the numbering matches production; it only reads.
SELECT COUNT(*) FROM book;
