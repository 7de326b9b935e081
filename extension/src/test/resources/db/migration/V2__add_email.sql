-- adds the e-mail column
ALTER TABLE users ADD COLUMN email VARCHAR(200);
