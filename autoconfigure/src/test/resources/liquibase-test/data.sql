INSERT INTO entries (id, memo) VALUES (1, 'from data.sql');
