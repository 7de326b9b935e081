-- The bug: the table the trigger created stays.
DELETE FROM shelves WHERE id = 1002;
