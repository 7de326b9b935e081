DROP VIEW IF EXISTS published_posts;
