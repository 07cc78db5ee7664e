package dev.alchemy.boot.docs;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.select;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.testing.LogCapture;
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
        try (LogCapture log = LogCapture.of("dev.alchemy.engine", Level.DEBUG)) {
            runThePlainJavaSnippet();
            // the statements the snippet's comments promise, in order, each committed
            List<String> writes = log.messages(Level.DEBUG).stream()
                    .filter(m -> m.startsWith("INSERT")
                            || m.startsWith("UPDATE")
                            || m.startsWith("DELETE")
                            || m.equals("COMMIT"))
                    .dropWhile(m -> !m.startsWith("INSERT")) // createAll's own COMMIT
                    .toList();
            assertThat(writes)
                    .hasSize(6)
                    .satisfiesExactly(
                            m -> assertThat(m).startsWith("INSERT INTO users"),
                            m -> assertThat(m).isEqualTo("COMMIT"),
                            m -> assertThat(m).startsWith("UPDATE users SET email=? WHERE users.id = ?"),
                            m -> assertThat(m).isEqualTo("COMMIT"),
                            m -> assertThat(m).startsWith("DELETE FROM users WHERE users.id = ?"),
                            m -> assertThat(m).isEqualTo("COMMIT"));
            assertThat(log.messages(Level.DEBUG)).contains("[parameters] [alice@newdomain.com, 1]");
        }
    }

    private static void runThePlainJavaSnippet() {
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
