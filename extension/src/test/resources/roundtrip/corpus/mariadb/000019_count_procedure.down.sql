DROP FUNCTION IF EXISTS post_word_count;
DROP PROCEDURE IF EXISTS count_posts_by_status;
