--liquibase formatted sql

--changeset alchemy:1
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    owner VARCHAR,
    note VARCHAR DEFAULT 'made by liquibase'
);
INSERT INTO accounts (id, owner) VALUES (1, 'Ann');
