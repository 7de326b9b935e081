ALTER TABLE invoices DROP COLUMN IF EXISTS amount_with_tax;
