-- Back to InnoDB, but the table keeps the options Aria gave it (PAGE_CHECKSUM=1): the round trip must say so,
-- whatever the renderings recognise.
ALTER TABLE note ENGINE=InnoDB;
