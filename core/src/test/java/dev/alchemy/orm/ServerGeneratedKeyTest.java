package dev.alchemy.orm;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A primary key the database makes with a server default (a random UUID) cannot be matched to objects by order, so
 * new objects of such a class are inserted one statement each, and each gets its own key.
 */
@OnDatabases
class ServerGeneratedKeyTest {

    @Table(name = "tickets")
    static class PostgresTicket {
        @Column(primaryKey = true, serverDefault = "gen_random_uuid()")
        UUID id;

        @Column(length = 100)
        String title;

        PostgresTicket() {}
    }

    /** SQLite stores a UUID as SQLAlchemy does, 32 hex digits; the default makes one. */
    @Table(name = "tickets")
    static class SqliteTicket {
        @Column(primaryKey = true, serverDefault = "(lower(hex(randomblob(16))))")
        UUID id;

        @Column(length = 100)
        String title;

        SqliteTicket() {}
    }

    /** MariaDB 10.7+ has a UUID type; {@code uuid()} is its default (MySQL would need a CHAR(32) and a trigger). */
    @Table(name = "tickets")
    static class MariadbTicket {
        @Column(primaryKey = true, serverDefault = "(uuid())")
        UUID id;

        @Column(length = 100)
        String title;

        MariadbTicket() {}
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    Class<?> model;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        model = switch (db.kind()) {
            case POSTGRESQL -> PostgresTicket.class;
            case SQLITE -> SqliteTicket.class;
            case MARIADB -> MariadbTicket.class;
        };
        Base.of(model).metadata().createAll(engine);
        engine.addStatementListener(statements::add);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    @Test
    void newObjectsWithIdenticalValuesEachGetTheirOwnServerMadeKey() throws Exception {
        List<Object> tickets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Object ticket = model.getDeclaredConstructor().newInstance();
            model.getDeclaredField("title").set(ticket, "same");
            tickets.add(ticket);
        }
        try (Session session = new SessionFactory(engine).openSession()) {
            session.addAll(tickets);
            session.commit();
        }
        assertThat(statements).hasSize(3).allMatch(e -> e.sql().startsWith("INSERT INTO tickets (title) VALUES (?)"));
        List<UUID> ids = new ArrayList<>();
        for (Object ticket : tickets) {
            ids.add((UUID) model.getDeclaredField("id").get(ticket));
        }
        assertThat(ids).doesNotContainNull();
        assertThat(new HashSet<>(ids)).hasSize(3);
        try (Session session = new SessionFactory(engine).openSession()) {
            for (UUID id : ids) {
                assertThat(session.get(model, id)).isNotNull();
            }
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM tickets")).scalar(Long.class))
                    .isEqualTo(3);
        }
    }
}
