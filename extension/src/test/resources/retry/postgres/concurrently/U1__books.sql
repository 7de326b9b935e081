DROP TABLE author;
DROP TABLE book;
