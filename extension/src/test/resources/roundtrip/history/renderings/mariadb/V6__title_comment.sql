ALTER TABLE doc MODIFY title VARCHAR(200) NOT NULL COMMENT 'the title, longer';
