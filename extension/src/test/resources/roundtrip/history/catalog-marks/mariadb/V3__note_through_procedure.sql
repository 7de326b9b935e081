-- The column comes from the procedure's prepared statement; the undo forgets it.
CALL add_note();
