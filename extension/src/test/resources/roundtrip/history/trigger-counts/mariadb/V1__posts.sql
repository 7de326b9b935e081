CREATE TABLE post (id INT PRIMARY KEY, author VARCHAR(40) NOT NULL);
CREATE TABLE author_stats (author VARCHAR(40) PRIMARY KEY, posts INT NOT NULL);
CREATE TRIGGER post_counted AFTER INSERT ON post FOR EACH ROW
	INSERT INTO author_stats (author, posts) VALUES (NEW.author, 1) ON DUPLICATE KEY UPDATE posts = posts + 1;
