SELECT add_note();
