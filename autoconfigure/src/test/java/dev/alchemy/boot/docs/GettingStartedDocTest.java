package dev.alchemy.boot.docs;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.select;

import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java snippet of {@code docs/getting-started.md} and the README, with the {@link User} model the Spring
 * snippets use too. It runs as shown: {@code one()} fails unless exactly one user matches, {@code moved.get(0)}
 * unless the typed query found her.
 */
class GettingStartedDocTest {

    @Test
    void plainJava() {
        // tag::plain-java[]
        Engine engine = createEngine("sqlite:///:memory:"); // or "sqlite:///app.db", "postgresql://user:pw@host/db"
        Base base = Base.of(User.class);
        base.metadata().createAll(engine); // CREATE TABLE users (...)

        SessionFactory sessionFactory = new SessionFactory(engine);
        try (Session session = sessionFactory.openSession()) {
            session.add(new User("Alice", "alice@example.com"));
            session.commit(); // INSERT INTO users ...

            User alice = session.query(User.class).filterBy("name", "Alice").one();
            alice.email = "alice@newdomain.com";
            session.commit(); // UPDATE users SET email=? WHERE users.id = ?

            List<User> moved = session.scalars(
                            select(User.class).where(column(User.class, "email").like("%@newdomain.com")))
                    .all();
            session.delete(moved.get(0));
            session.commit(); // DELETE FROM users WHERE users.id = ?
        }
        engine.dispose();
        // end::plain-java[]
    }
}
