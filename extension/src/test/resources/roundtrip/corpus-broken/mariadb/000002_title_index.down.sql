-- Forgets book_title_index.
DROP INDEX author_email_index ON author;
