-- E-books and audiobooks: a format, where to download it, and how large the file is.
CREATE TABLE digital_download (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    book_id         BIGINT NOT NULL,
    format          VARCHAR(10) NOT NULL CHECK (format IN ('epub', 'pdf', 'mobi', 'mp3')),
    download_url    VARCHAR(2048) NOT NULL,
    file_size_bytes BIGINT NOT NULL CHECK (file_size_bytes > 0),
    UNIQUE (book_id, format),
    CONSTRAINT digital_download_book_fk FOREIGN KEY (book_id) REFERENCES book (id) ON DELETE CASCADE
);
