-- wrong: keeps the note column
SELECT 1;
