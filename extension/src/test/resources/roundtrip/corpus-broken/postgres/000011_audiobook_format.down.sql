ALTER TYPE book_format RENAME TO book_format_old;
CREATE TYPE book_format AS ENUM ('paperback', 'hardcover', 'ebook');
ALTER TABLE book ALTER COLUMN format DROP DEFAULT;
ALTER TABLE book ALTER COLUMN format TYPE book_format USING format::text::book_format;
ALTER TABLE book ALTER COLUMN format SET DEFAULT 'paperback';
DROP TYPE book_format_old;
