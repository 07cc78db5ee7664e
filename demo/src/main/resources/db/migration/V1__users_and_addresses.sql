-- The demo's schema as create_all made it before the demo had migrations (a database from then is baselined at
-- this version). Later versions are written from the models by `mvn alchemy:migration -Dmessage="..."`.

CREATE TABLE users (
	id INTEGER NOT NULL,
	name VARCHAR(100) NOT NULL,
	email VARCHAR(200) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (email)
);

CREATE TABLE addresses (
	id INTEGER NOT NULL,
	user_id INTEGER NOT NULL,
	street VARCHAR(200) NOT NULL,
	city VARCHAR(100) NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(user_id) REFERENCES users (id)
);
