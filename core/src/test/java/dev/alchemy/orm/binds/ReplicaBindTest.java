package dev.alchemy.orm.binds;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.BindResolver;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.testing.PostgresReplication;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.testing.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link BindResolver#replicaForReadOnly} on a real PostgreSQL primary and streaming standby, without Spring:
 * read-only sessions read from the standby, the others read and write on the primary.
 */
class ReplicaBindTest {

    @Table(name = "books")
    static class Book {
        @Column(primaryKey = true)
        @Nullable
        Integer id;

        @Column
        @Nullable
        String title;

        Book() {}

        Book(String title) {
            this.title = title;
        }
    }

    static PostgresReplication pair;
    static Engine primary;
    static Engine replica;
    static SessionFactory sessions;
    static SessionFactory readOnly;

    @BeforeAll
    static void start() {
        assumeTrue(TestDatabases.enabledKinds().contains(TestDatabase.Kind.POSTGRESQL), "PostgreSQL tests are off");
        pair = PostgresReplication.get();
        String database = pair.createDatabase("ReplicaBindTest");
        primary = Alchemy.createEngine("postgresql://postgres@localhost:" + pair.primaryPort() + "/" + database);
        replica = Alchemy.createEngine("postgresql://postgres@localhost:" + pair.standbyPort() + "/" + database);
        Base.of(Book.class).metadata().createAll(primary);
        sessions = new SessionFactory(primary).withBindResolver(BindResolver.replicaForReadOnly(replica));
        readOnly = sessions.withReadOnly(true);
    }

    @AfterAll
    static void stop() {
        if (primary != null) {
            primary.dispose();
            replica.dispose();
        }
    }

    private static boolean onStandby(Session session) {
        return Boolean.TRUE.equals(
                session.execute(text("SELECT pg_is_in_recovery()")).scalar());
    }

    @Test
    void readOnlySessionsReadTheStandbyOnceItCaughtUpAndOthersThePrimary() {
        try (Session session = sessions.openSession()) {
            session.add(new Book("Dune"));
            session.commit();
            assertThat(onStandby(session)).isFalse();
            assertThat(session.query(Book.class).filterBy("title", "Dune").one().title)
                    .isEqualTo("Dune");
        }
        pair.awaitReplay();
        try (Session session = readOnly.openSession()) {
            assertThat(onStandby(session)).isTrue();
            assertThat(session.query(Book.class).filterBy("title", "Dune").one().title)
                    .isEqualTo("Dune");
        }
    }

    @Test
    void aWriteThatReachesTheStandbyIsRefusedThere() {
        try (Session session = readOnly.openSession()) {
            // text() is not known to write, so the session lets it through; the standby refuses it
            assertThatThrownBy(() -> session.execute(text("INSERT INTO books (title) VALUES ('x')")))
                    .isInstanceOf(DBAPIError.class)
                    .hasMessageContaining("read-only transaction");
        }
    }
}
