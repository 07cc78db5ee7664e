package dev.alchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Columns the database fills in come back into the objects at flush. */
@OnDatabases
class ServerDefaultTest {

    @Table(name = "tickets")
    static class Ticket {
        @Column(primaryKey = true)
        Long id;

        @Column(length = 100)
        String title;

        @Column(serverDefault = "'new'", length = 100)
        String status;

        @Column(serverDefault = "0", nullable = false)
        Integer priority;
    }

    @Parameter
    TestDatabase db;

    @AfterEach
    void clean() {
        db.reset();
    }

    @Test
    void serverDefaultsAreReturnedIntoTheObjectsAndExplicitValuesWin() {
        try (Engine engine = db.createEngine()) {
            Base.of(Ticket.class).metadata().createAll(engine);
            try (Session session = new SessionFactory(engine).openSession()) {
                Ticket plain = new Ticket();
                plain.title = "a";
                Ticket urgent = new Ticket();
                urgent.title = "b";
                urgent.priority = 9;
                urgent.status = "open";
                session.addAll(List.of(plain, urgent));
                session.flush();
                assertThat(plain.id).isNotNull();
                assertThat(plain.status).isEqualTo("new");
                assertThat(plain.priority).isZero();
                assertThat(urgent.status).isEqualTo("open");
                assertThat(urgent.priority).isEqualTo(9);
                assertThat(session.isModified(plain)).isFalse();
                session.commit();
            }
        }
    }
}
