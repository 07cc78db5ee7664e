-- runs after create_all made the table, as Boot's database initialization orders them
INSERT INTO users (name, email, version) VALUES ('Seeded', 'seeded@data.example', 1);
