-- The bug: nothing undoes the column the function added.
SELECT 1;
