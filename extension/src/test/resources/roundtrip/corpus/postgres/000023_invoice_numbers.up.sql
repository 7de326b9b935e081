CREATE SEQUENCE IF NOT EXISTS invoice_number_seq START WITH 1000 CACHE 1;
ALTER TABLE invoices ADD COLUMN number bigint NOT NULL DEFAULT nextval('invoice_number_seq');
ALTER SEQUENCE invoice_number_seq OWNED BY invoices.number;
