-- Forgets RESET (fillfactor).
SELECT 1;
