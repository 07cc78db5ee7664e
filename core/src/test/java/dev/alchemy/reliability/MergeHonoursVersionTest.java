package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * {@code merge()} of a detached object checks its version column against the stored row, as SQLAlchemy does
 * ("Version id ... on merged state does not match existing version"): an older copy never overwrites a newer row.
 */
@OnDatabases
class MergeHonoursVersionTest {

    @Table(name = "notes")
    static class Note {
        @Column(primaryKey = true)
        Long id;

        @Column(nullable = false, length = 100)
        String body;

        @Version
        @Column
        Integer version;

        Note() {}

        Note(String body) {
            this.body = body;
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void open() {
        engine = db.createEngine();
        Base.of(Note.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private Note stored(long id) {
        try (Session session = sessions.openSession()) {
            return session.get(Note.class, id);
        }
    }

    @Test
    void mergingAnOlderVersionIsRefusedAndWritesNothing() {
        Note note = new Note("first");
        try (Session session = sessions.openSession()) {
            session.add(note);
            session.commit();
        }
        Note stale = stored(note.id); // version 1, detached
        try (Session session = sessions.openSession()) {
            Note current = session.get(Note.class, note.id);
            current.body = "second";
            session.commit(); // version 2
        }
        stale.body = "overwrite";
        try (Session session = sessions.openSession()) {
            assertThatThrownBy(() -> {
                        session.merge(stale);
                        session.commit();
                    })
                    .isInstanceOf(StaleDataError.class)
                    .hasMessageContaining("Note")
                    .hasMessageContaining("version");
            session.rollback();
        }
        Note after = stored(note.id);
        assertThat(after.body).isEqualTo("second");
        assertThat(after.version).isEqualTo(2);
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("SELECT body FROM notes")).scalars()).containsExactly("second");
        }
    }

    @Test
    void mergingTheCurrentVersionWritesAndAdvancesIt() {
        Note note = new Note("first");
        try (Session session = sessions.openSession()) {
            session.add(note);
            session.commit();
        }
        Note detached = stored(note.id);
        detached.body = "edited";
        try (Session session = sessions.openSession()) {
            Note merged = session.merge(detached);
            session.commit();
            assertThat(merged.version).isEqualTo(2);
        }
        assertThat(stored(note.id).body).isEqualTo("edited");
    }

    @Test
    void mergingWithoutAVersionTakesThePersistentOnes() {
        Note note = new Note("first");
        try (Session session = sessions.openSession()) {
            session.add(note);
            session.commit();
        }
        Note copy = new Note("from a form");
        copy.id = note.id; // version left unset: the stored one is used, as SQLAlchemy advises
        try (Session session = sessions.openSession()) {
            session.merge(copy);
            session.commit();
        }
        Note after = stored(note.id);
        assertThat(after.body).isEqualTo("from a form");
        assertThat(after.version).isEqualTo(2);
    }
}
