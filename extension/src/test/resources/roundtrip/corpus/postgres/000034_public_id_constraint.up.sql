-- The unique index built concurrently in 15 becomes the constraint.
ALTER TABLE accounts ADD CONSTRAINT accounts_public_id_key UNIQUE USING INDEX accounts_public_id_idx;
