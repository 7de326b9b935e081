-- Written by 'diesel migration generate' in the same second as create_posts, hence the counter 0001.
CREATE INDEX CONCURRENTLY posts_title_idx ON posts (title);
