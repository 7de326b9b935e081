-- Tables with the features a MariaDB rendering (SHOW CREATE TABLE) shows, each changed and changed back by a later
-- version, so that the round trips' reads after the undo and after the second up recognise them by their rendering.
CREATE TABLE doc (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title VARCHAR(120) NOT NULL COMMENT 'the doc''s title',
    status ENUM('draft', 'done') NOT NULL DEFAULT 'draft',
    body JSON,
    words INT AS (CHAR_LENGTH(title)) VIRTUAL,
    secret VARCHAR(20) INVISIBLE,
    created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    place POINT NOT NULL,
    KEY doc_title (title),
    KEY doc_created (created DESC),
    FULLTEXT KEY doc_text (title),
    SPATIAL KEY doc_place (place),
    CONSTRAINT doc_status_set CHECK (status <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='documents, it''s said';
CREATE TABLE part (
    id BIGINT NOT NULL PRIMARY KEY,
    doc_id BIGINT,
    label VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin,
    CONSTRAINT part_doc FOREIGN KEY (doc_id) REFERENCES doc (id) ON DELETE CASCADE
) ENGINE=InnoDB;
CREATE TABLE log (id INT NOT NULL PRIMARY KEY, line VARCHAR(200)) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE note (id INT NOT NULL PRIMARY KEY, body TEXT) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
CREATE TABLE audit (id INT NOT NULL PRIMARY KEY, what VARCHAR(40)) WITH SYSTEM VERSIONING;
CREATE TRIGGER part_label BEFORE INSERT ON part FOR EACH ROW SET NEW.label = COALESCE(NEW.label, 'none');
