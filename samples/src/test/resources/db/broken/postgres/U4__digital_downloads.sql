DROP TABLE digital_download;
-- Broken on purpose: wipes data of a table the migration does not change.
UPDATE author SET country = NULL;
