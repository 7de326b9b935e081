INSERT INTO teams (id, name) VALUES (1, 'core');
