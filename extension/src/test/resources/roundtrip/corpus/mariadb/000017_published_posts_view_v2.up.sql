CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW published_posts AS
    SELECT p.id, p.title, p.slug, u.email AS author_email, p.published_at
    FROM posts p JOIN users u ON u.id = p.user_id
    WHERE p.status = 'published' AND p.published_at IS NOT NULL;
