CREATE TABLE member (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);
INSERT INTO member (id, name) VALUES (1, 'ada'), (2, 'bob');
CREATE TABLE ban (member_id INT NOT NULL, reason VARCHAR(40) NOT NULL, CONSTRAINT ban_member UNIQUE (member_id),
	CONSTRAINT ban_of FOREIGN KEY (member_id) REFERENCES member (id));
CREATE TABLE follow (follower_id INT NOT NULL, followee_id INT NOT NULL, PRIMARY KEY (follower_id, followee_id),
	CONSTRAINT follow_follower FOREIGN KEY (follower_id) REFERENCES member (id),
	CONSTRAINT follow_followee FOREIGN KEY (followee_id) REFERENCES member (id),
	CONSTRAINT follow_not_self CHECK (follower_id <> followee_id));
