CREATE OR REPLACE VIEW book_list AS SELECT b.id, b.title, b.price, a.name AS author FROM book b JOIN author a ON a.id = b.author_id;
