--liquibase formatted sql

--changeset alchemy:1
CREATE TABLE ledgers (
    id INTEGER PRIMARY KEY,
    title VARCHAR(40),
    note VARCHAR(40) DEFAULT 'made by liquibase'
);
INSERT INTO ledgers (id, title) VALUES (1, '2026');
