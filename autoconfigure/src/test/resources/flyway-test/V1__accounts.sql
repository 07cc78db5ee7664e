CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    owner VARCHAR,
    note VARCHAR DEFAULT 'made by flyway'
);
