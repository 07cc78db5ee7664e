package dev.alchemy.docs;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

// tag::suite[]
@OnDatabases // runs the class on SQLite, PostgreSQL, then MariaDB; @OnDatabases(Kind.POSTGRESQL) for one of them
class OnDatabasesExampleTest {

    @Parameter
    TestDatabase db; // a fresh database for this class on each kind, dropped afterwards

    Engine engine;

    @BeforeEach
    void createTables() {
        engine = db.createEngine();
        engine.useTransaction(conn ->
                conn.execute(text("CREATE TABLE notes (id " + db.autoincrementPrimaryKey() + ", body TEXT NOT NULL)")));
    }

    @AfterEach
    void dropTables() {
        db.reset(); // disposes the engines made by db.createEngine() and drops every table
    }

    @Test
    void insertsAndReadsBack() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO notes (body) VALUES (:body)"), Map.of("body", "hello"));
            assertThat(conn.execute(text("SELECT body FROM notes")).scalar()).isEqualTo("hello");
            if (db.isPostgresql()) {
                // what only one database does goes in a branch, or in a class of its own
                assertThat(conn.execute(text("SELECT :n::int + 1"), Map.of("n", "1"))
                                .scalar())
                        .isEqualTo(2);
            }
        }
    }
}
// end::suite[]
