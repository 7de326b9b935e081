CREATE TABLE post (id INT PRIMARY KEY, author VARCHAR(40) NOT NULL);
CREATE TABLE author_stats (author VARCHAR(40) PRIMARY KEY, posts INT NOT NULL);
CREATE FUNCTION count_post() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO author_stats (author, posts) VALUES (NEW.author, 1)
		ON CONFLICT (author) DO UPDATE SET posts = author_stats.posts + 1;
	RETURN NEW;
END $$;
CREATE TRIGGER post_counted AFTER INSERT ON post FOR EACH ROW EXECUTE FUNCTION count_post();
