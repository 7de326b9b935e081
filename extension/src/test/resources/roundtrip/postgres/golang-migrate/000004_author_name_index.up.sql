CREATE INDEX author_lower_name_idx ON author (lower(name));
