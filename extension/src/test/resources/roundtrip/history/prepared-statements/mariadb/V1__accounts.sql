CREATE TABLE accounts (
    id BIGINT NOT NULL PRIMARY KEY,
    email VARCHAR(191) NOT NULL,
    settings JSON NULL
);
