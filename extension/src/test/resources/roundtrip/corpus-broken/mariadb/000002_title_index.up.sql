CREATE INDEX book_title_index ON book (title);
CREATE INDEX author_email_index ON author (email);
