ALTER TYPE book_format ADD VALUE 'audiobook';
