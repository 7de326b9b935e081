CREATE OR REPLACE VIEW published_posts AS
    SELECT p.id, p.title, u.email AS author_email, p.published_at
    FROM posts p JOIN users u ON u.id = p.user_id
    WHERE p.status = 'published';
