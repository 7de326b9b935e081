-- Four billion comments are plenty; halve the primary key.
ALTER TABLE post_comments MODIFY id INT UNSIGNED NOT NULL AUTO_INCREMENT;
ALTER TABLE post_comments AUTO_INCREMENT = 1000;
