ALTER TABLE posts ADD UNIQUE INDEX posts_slug_unique (slug);
