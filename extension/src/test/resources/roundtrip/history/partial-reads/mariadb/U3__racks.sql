RENAME TABLE racks TO rack;
