DROP TABLE author_stats;
DROP TABLE post;
DROP FUNCTION count_post();
