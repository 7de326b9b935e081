CREATE OR REPLACE VIEW book_list AS SELECT b.id, b.title, a.name AS author FROM book b LEFT JOIN author a ON a.id = b.author_id;
