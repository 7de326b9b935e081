CREATE TABLE posts (
    id INTEGER AUTO_INCREMENT PRIMARY KEY,
    user_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    body TEXT,
    CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
);
