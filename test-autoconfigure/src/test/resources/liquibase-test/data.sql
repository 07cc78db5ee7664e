INSERT INTO tags (account_id, label) VALUES (1, 'from data.sql');
