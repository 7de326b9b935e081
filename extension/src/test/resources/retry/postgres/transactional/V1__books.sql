CREATE TABLE book (id integer PRIMARY KEY, title text NOT NULL, isbn text);
CREATE TABLE author (id integer PRIMARY KEY, name text NOT NULL);
