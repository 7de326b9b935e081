-- dbparity:allow DESTRUCTIVE the notes were moved to the support tool
-- dbparity:allow DP302 the old order page that showed the notes is retired with this release
ALTER TABLE orders DROP COLUMN note;
