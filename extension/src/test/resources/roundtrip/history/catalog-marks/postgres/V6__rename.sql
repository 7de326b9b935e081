ALTER TABLE shelf RENAME TO shelves;
