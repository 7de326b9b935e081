-- ${prefix} is a placeholder: dbparity.flyway.placeholders.prefix
CREATE TABLE ${prefix}customers (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
