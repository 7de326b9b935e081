DROP VIEW IF EXISTS book_list;
CREATE VIEW book_list AS
SELECT b.id, b.title, a.name AS author FROM book b JOIN author a ON a.id = b.author_id WHERE NOT b.out_of_print;
