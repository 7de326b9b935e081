RENAME TABLE post_comments TO comments;
