ALTER TABLE invoices ADD COLUMN amount_with_tax numeric(14, 2) GENERATED ALWAYS AS (round(amount * 1.21, 2)) STORED;
