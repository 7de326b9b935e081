DROP INDEX author_lower_name_idx;
