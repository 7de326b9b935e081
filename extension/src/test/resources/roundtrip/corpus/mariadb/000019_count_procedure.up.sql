DELIMITER $$
CREATE PROCEDURE count_posts_by_status(IN p_status VARCHAR(20), OUT p_count INT)
    READS SQL DATA
    COMMENT 'Number of posts in one status'
BEGIN
    SELECT COUNT(*) INTO p_count FROM posts WHERE status = p_status;
END$$

CREATE FUNCTION post_word_count(p_body MEDIUMTEXT) RETURNS INT
    DETERMINISTIC NO SQL
BEGIN
    RETURN CHAR_LENGTH(p_body) - CHAR_LENGTH(REPLACE(p_body, ' ', '')) + 1;
END$$
DELIMITER ;
