package dev.alchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Engine;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** A session tells its factory's observer about each flush (with the rows it wrote) and each ORM query. */
@OnDatabases
class OrmObserverTest {

    @Table(name = "observed_note")
    public static class Note {
        @Column(primaryKey = true)
        public @Nullable Integer id;

        @Column(nullable = false, unique = true, length = 100)
        public @Nullable String body;

        public Note() {}

        Note(String body) {
            this.body = body;
        }
    }

    /** What the observer was told, in order. */
    static final class Recorder implements OrmObserver {
        final List<String> events = new ArrayList<>();

        @Override
        public Scope flushStarting() {
            events.add("flush");
            return (inserted, updated, deleted, error) -> events.add("flushed " + inserted + "/" + updated + "/"
                    + deleted + (error != null ? " " + error.getClass().getSimpleName() : ""));
        }

        @Override
        public Scope queryStarting(Class<?> model, String operation) {
            events.add(operation + " " + model.getSimpleName());
            return (inserted, updated, deleted, error) -> events.add(
                    "queried" + (error != null ? " " + error.getClass().getSimpleName() : ""));
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    final Recorder recorder = new Recorder();
    SessionFactory sessions;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(Note.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine).withObserver(recorder);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    @Test
    void eachFlushIsToldTheRowsItWroteAndEachQueryItsModel() {
        try (Session session = sessions.openSession()) {
            session.add(new Note("a"));
            session.add(new Note("b"));
            session.commit();
            List<Note> notes = new ArrayList<>(session.query(Note.class).all());
            notes.sort(Comparator.comparing(note -> note.body));
            notes.get(0).body = "a2";
            session.delete(notes.get(1));
            session.commit();
        }
        assertThat(recorder.events)
                .containsExactly("flush", "flushed 2/0/0", "select Note", "queried", "flush", "flushed 0/1/1");
    }

    @Test
    void anAutoflushIsAFlushInsideTheQuery() {
        try (Session session = sessions.openSession()) {
            session.add(new Note("a"));
            assertThat(session.query(Note.class).all()).hasSize(1);
        }
        assertThat(recorder.events).containsExactly("select Note", "flush", "flushed 1/0/0", "queried");
    }

    @Test
    void aFailedFlushIsToldItsError() {
        try (Session session = sessions.openSession()) {
            session.add(new Note("same"));
            session.add(new Note("same"));
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
        }
        assertThat(recorder.events).hasSize(2).first().isEqualTo("flush");
        // how many rows went in before the refusal depends on batching; the error is what matters
        assertThat(recorder.events.get(1)).matches("flushed [01]/0/0 IntegrityError");
    }

    @Test
    void withoutAnObserverTheFactoryHasNone() {
        assertThat(new SessionFactory(engine).observer()).isEmpty();
        assertThat(sessions.observer()).containsSame(recorder);
        assertThat(sessions.withAutoflush(false).observer()).containsSame(recorder);
    }
}
