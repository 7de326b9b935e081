-- Keep updated_at monotonic even when clocks go back.
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := greatest(now(), OLD.updated_at);
    RETURN NEW;
END;
$$;
