INSERT INTO accounts (id, owner) VALUES (1, 'Ann');
INSERT INTO tags (account_id, label) VALUES (1, 'from data.sql');
