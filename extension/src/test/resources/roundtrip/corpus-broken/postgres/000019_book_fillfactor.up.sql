ALTER TABLE book SET (fillfactor = 70);
