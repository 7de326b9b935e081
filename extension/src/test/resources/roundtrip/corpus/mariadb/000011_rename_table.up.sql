RENAME TABLE comments TO post_comments;
