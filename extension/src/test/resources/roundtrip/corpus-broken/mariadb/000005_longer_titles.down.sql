-- MODIFY restates the whole column: without NOT NULL and COMMENT, both are lost.
ALTER TABLE book MODIFY title VARCHAR(255);
