ALTER TABLE doc ADD CONSTRAINT doc_title_set CHECK (title <> '');
