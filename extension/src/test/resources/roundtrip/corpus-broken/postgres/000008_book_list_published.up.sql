CREATE OR REPLACE VIEW book_list AS
SELECT b.id, b.title, a.name AS author, b.published_on FROM book b JOIN author a ON a.id = b.author_id;
