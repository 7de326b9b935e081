CREATE TYPE postal_address AS (
    street  text,
    city    text,
    zip     varchar(10),
    country char(2)
);

ALTER TABLE accounts ADD COLUMN billing_address postal_address;
