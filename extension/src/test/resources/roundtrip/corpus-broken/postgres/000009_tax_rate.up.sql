CREATE OR REPLACE FUNCTION book_price_with_tax(p numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT round(p * 1.19, 2) $$;
