CREATE DOMAIN email_address AS citext
    CHECK (VALUE ~ '^[^@\s]+@[^@\s]+$');
CREATE DOMAIN positive_amount AS numeric(12, 2)
    NOT NULL DEFAULT 0
    CONSTRAINT positive_amount_check CHECK (VALUE >= 0);

CREATE TABLE invoices (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id bigint NOT NULL REFERENCES accounts (id),
    bill_to    email_address NOT NULL,
    amount     positive_amount,
    currency   char(3) NOT NULL DEFAULT 'EUR',
    issued_on  date NOT NULL DEFAULT CURRENT_DATE,
    paid       boolean DEFAULT false
);
