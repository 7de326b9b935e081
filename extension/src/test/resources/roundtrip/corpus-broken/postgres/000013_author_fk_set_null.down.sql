ALTER TABLE book DROP CONSTRAINT book_author_id_fkey;
ALTER TABLE book ALTER COLUMN author_id SET NOT NULL;
ALTER TABLE book ADD CONSTRAINT book_author_id_fkey FOREIGN KEY (author_id) REFERENCES author (id);
