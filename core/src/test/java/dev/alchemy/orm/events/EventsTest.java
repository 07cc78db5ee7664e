package dev.alchemy.orm.events;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.MappingError;
import dev.alchemy.exc.PendingRollbackError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.MapperEvents;
import dev.alchemy.orm.OrmExecuteState;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionEvents;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** What mapper and session listeners may do, and what the session does around them. */
@OnDatabases
class EventsTest {

    static final LocalDateTime T1 = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
    static final LocalDateTime T2 = LocalDateTime.of(2026, 2, 3, 4, 5, 6);

    @Parameter
    TestDatabase db;

    Engine engine;
    Base base;
    SessionFactory sessions;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        base = Base.of(Item.class, Note.class, AuditEntry.class, Memo.class, Shelf.class, Jar.class);
        base.metadata().createAll(engine);
        sessions = new SessionFactory(engine);
        CallbackBase.CALLS.clear();
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private static MapperEvents<Stamped> stamps(LocalDateTime[] clock) {
        return new MapperEvents<>() {
            public void beforeInsert(Connection connection, Stamped target) {
                target.created(clock[0]);
                target.updated(clock[0]);
            }

            public void beforeUpdate(Connection connection, Stamped target) {
                target.updated(clock[0]);
            }
        };
    }

    @Test
    void timestampsSetByABeforeListenerAreWrittenByTheFlushThatFiresIt() {
        LocalDateTime[] clock = {T1};
        SessionFactory factory = sessions.withListener(Stamped.class, stamps(clock));
        Note note = new Note("first");
        try (Session session = factory.openSession()) {
            session.add(note);
            session.commit();
        }
        clock[0] = T2;
        List<String> statements = new ArrayList<>();
        engine.addStatementListener(event -> statements.add(event.sql()));
        try (Session session = factory.openSession()) {
            Note loaded = session.get(Note.class, note.id);
            loaded.title = "second";
            session.commit();
        }
        assertThat(statements.stream().filter(s -> s.startsWith("UPDATE")))
                .singleElement()
                .satisfies(sql -> assertThat(sql).contains("updated_at"));
        try (Session session = sessions.openSession()) {
            Note stored = session.get(Note.class, note.id);
            assertThat(stored.title).isEqualTo("second");
            assertThat(stored.createdAt).isEqualTo(T1);
            assertThat(stored.updatedAt).isEqualTo(T2);
        }
        // an object whose columns did not change is not updated, and its listener is not told
        statements.clear();
        clock[0] = LocalDateTime.of(2030, 1, 1, 0, 0);
        try (Session session = factory.openSession()) {
            session.get(Note.class, note.id);
            session.commit();
        }
        assertThat(statements).noneMatch(s -> s.startsWith("UPDATE"));
    }

    @Test
    void annotatedMethodsRunSuperclassFirstAndWhatTheyChangeIsWritten() {
        Memo memo = new Memo("Hello World");
        try (Session session = sessions.openSession()) {
            session.add(memo);
            session.commit();
        }
        assertThat(CallbackBase.CALLS)
                .containsExactly("base beforeInsert Memo", "beforeInsert Hello World", "afterInsert " + memo.id);
        CallbackBase.CALLS.clear();
        try (Session session = sessions.openSession()) {
            Memo loaded = session.get(Memo.class, memo.id);
            assertThat(loaded.slug).isEqualTo("hello-world");
            loaded.text = "Good Bye";
            session.flush();
            session.refresh(loaded);
            session.delete(loaded);
            session.commit();
        }
        assertThat(CallbackBase.CALLS)
                .containsExactly(
                        "load Hello World",
                        "beforeUpdate Good Bye (with connection)",
                        "afterUpdate Good Bye",
                        "refresh Good Bye",
                        "beforeDelete Good Bye",
                        "afterDelete Good Bye");
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Memo.class).count()).isZero();
        }
    }

    @Test
    void theUpdateWritesWhatAnAnnotatedBeforeUpdateChanged() {
        Memo memo = new Memo("One");
        try (Session session = sessions.openSession()) {
            session.add(memo);
            session.commit();
            memo.text = "Two Words";
            session.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT slug FROM memos")).scalar()).isEqualTo("two-words");
            assertThat(conn.execute(text("SELECT edits FROM memos")).scalar(Integer.class))
                    .isEqualTo(1);
        }
    }

    @Test
    void aCallbackThatCannotBeCalledIsAMappingErrorWhenTheBaseIsBuilt() {
        assertThatThrownBy(() -> Base.of(BadCallback.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("@BeforeInsert method " + BadCallback.class.getName() + ".touch")
                .hasMessageContaining("returns void");
    }

    @Test
    void beforeFlushMayAddChangeAndDeleteObjectsAndTheSameFlushWritesThem() {
        int[] flushes = {0};
        SessionFactory factory = sessions.withListener(new SessionEvents() {
                    public void beforeFlush(Session session) {
                        flushes[0]++;
                        for (Object o : session.newObjects()) {
                            if (o instanceof Note n) {
                                session.add(new AuditEntry("created " + n.title));
                                n.title = n.title.toUpperCase(java.util.Locale.ROOT);
                            }
                        }
                        for (Object o : session.deletedObjects()) {
                            if (o instanceof Note n) {
                                session.add(new AuditEntry("deleted " + n.title));
                            }
                        }
                        for (Object o : session.dirtyObjects()) {
                            if (o instanceof Note n && n.title.equals("drop me")) {
                                session.delete(n);
                            }
                        }
                    }
                })
                .withListener(Object.class, new MapperEvents<>() {
                    public void beforeInsert(Connection connection, Object target) {
                        log.add("insert " + target.getClass().getSimpleName());
                    }
                });
        Note kept;
        try (Session session = factory.openSession()) {
            kept = new Note("kept");
            session.add(kept);
            session.add(new Note("gone"));
            session.flush();
            assertThat(flushes[0]).isOne();
            assertThat(log).containsExactly("insert Note", "insert Note", "insert AuditEntry", "insert AuditEntry");
            Note gone = session.query(Note.class).filterBy("title", "GONE").one();
            session.delete(gone);
            kept.title = "drop me";
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Note.class).count()).isZero();
            assertThat(session.query(AuditEntry.class).all())
                    .extracting(a -> a.action)
                    .containsExactlyInAnyOrder("created kept", "created gone", "deleted GONE");
        }
        assertThat(flushes[0]).isEqualTo(2); // a clean session's commit does not flush, nor tell
    }

    @Test
    void afterInsertWritesOnTheFlushsConnectionAndThatRowRollsBackWithTheTransaction() {
        SessionFactory factory = sessions.withListener(Note.class, new MapperEvents<>() {
            public void afterInsert(Connection connection, Note target) {
                connection.execute(insert(base.table(AuditEntry.class)).values(Map.of("action", "note " + target.id)));
            }
        });
        try (Session session = factory.openSession()) {
            session.add(new Note("rolled back"));
            session.flush();
            session.rollback();
            Note note = new Note("committed");
            session.add(note);
            session.commit();
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT action FROM audit_entries"))
                                .scalars())
                        .containsExactly("note " + note.id);
            }
        }
    }

    @Test
    void aListenersExceptionFailsTheFlushWritesNothingAndReachesTheCallerUnchanged() {
        IllegalStateException refused = new IllegalStateException("titles must not be 'bad'");
        List<String> ends = new ArrayList<>();
        SessionFactory factory = sessions.withListener(Note.class, new MapperEvents<>() {
                    public void beforeInsert(Connection connection, Note target) {
                        if (target.title.equals("bad")) {
                            throw refused;
                        }
                    }
                })
                .withListener(new SessionEvents() {
                    public void afterCommit(Session session) {
                        ends.add("commit");
                    }

                    public void afterRollback(Session session) {
                        ends.add("rollback");
                    }
                });
        try (Session session = factory.openSession()) {
            session.add(new Note("good"));
            session.add(new Note("bad"));
            assertThatThrownBy(session::commit).isSameAs(refused);
            assertThat(ends).containsExactly("rollback");
            assertThatThrownBy(() -> session.query(Note.class).all()).isInstanceOf(PendingRollbackError.class);
            session.rollback();
            assertThat(session.query(Note.class).count()).isZero();
        }
        assertThat(ends).containsExactly("rollback");
    }

    @Test
    void afterCommitNeverFiresForWorkThatWasRolledBack() {
        List<String> ends = new ArrayList<>();
        SessionFactory factory = sessions.withListener(new SessionEvents() {
            public void afterCommit(Session session) {
                ends.add("commit");
            }

            public void afterRollback(Session session) {
                ends.add("rollback");
            }

            public void afterSoftRollback(Session session) {
                ends.add("soft rollback");
            }
        });
        try (Session session = factory.openSession()) {
            session.add(new Item(1, "one"));
            session.commit();
            assertThat(ends).containsExactly("commit");
            ends.clear();

            Transaction savepoint = session.beginNested();
            session.add(new Item(1, "duplicate"));
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
            assertThat(ends).containsExactly("rollback", "soft rollback"); // the savepoint, rolled back by the flush
            savepoint.rollback();
            assertThat(ends).containsExactly("rollback", "soft rollback", "soft rollback");
            ends.clear();

            session.add(new Item(2, "two"));
            session.flush();
            session.rollback();
            assertThat(ends).containsExactly("rollback", "soft rollback");
            ends.clear();

            session.add(new Item(3, "three"));
            session.commit();
            assertThat(ends).containsExactly("commit");
            assertThat(session.query(Item.class).all())
                    .extracting(i -> i.name)
                    .containsExactlyInAnyOrder("one", "three");
        }
    }

    @Test
    void ormExecuteSeesEveryOrmStatementAndMayRewriteIt() {
        List<String> seen = new ArrayList<>();
        SessionFactory factory = sessions.withListener(new SessionEvents() {
            public void ormExecute(OrmExecuteState state) {
                seen.add(state.model().getSimpleName()
                        + (state.isColumnLoad() ? " by key" : "")
                        + (state.isRelationshipLoad() ? " relationship" : ""));
                if (state.model() == Jar.class) {
                    @SuppressWarnings("unchecked")
                    EntitySelect<Jar> jars = (EntitySelect<Jar>) state.statement();
                    state.setStatement(
                            jars.where(base.table(Jar.class).c("label").ne("hidden")));
                }
            }
        });
        Shelf shelf = new Shelf("top");
        shelf.jars.add(new Jar("jam"));
        shelf.jars.add(new Jar("hidden"));
        try (Session session = sessions.openSession()) {
            session.add(shelf);
            session.commit();
        }
        try (Session session = factory.openSession()) {
            Shelf loaded = session.get(Shelf.class, shelf.id);
            assertThat(loaded.jars).extracting(j -> j.label).containsExactly("jam");
            assertThat(session.query(Jar.class).all()).extracting(j -> j.label).containsExactly("jam");
            assertThat(session.query(Shelf.class).all()).hasSize(1);
        }
        assertThat(seen).containsExactly("Shelf by key", "Jar relationship", "Jar", "Shelf");
    }

    @Test
    void ormExecuteMayNotChangeWhatAStatementLoads() {
        SessionFactory factory = sessions.withListener(new SessionEvents() {
            public void ormExecute(OrmExecuteState state) {
                state.setStatement(EntitySelect.of(Note.class));
            }
        });
        try (Session session = factory.openSession()) {
            assertThatThrownBy(() -> session.query(Item.class).all())
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("it loads " + Item.class.getName());
        }
    }

    @Test
    void loadFiresOncePerObjectAndRefreshWhenItsRowIsReadAgain() {
        SessionFactory factory = sessions.withListener(Item.class, new MapperEvents<>() {
            public void load(Item target) {
                log.add("load " + target.name);
            }

            public void refresh(Item target) {
                log.add("refresh " + target.name);
            }
        });
        try (Session session = sessions.openSession()) {
            session.add(new Item("a"));
            session.commit();
        }
        try (Session session = factory.openSession()) {
            Item a = session.query(Item.class).one();
            session.query(Item.class).one();
            assertThat(log).containsExactly("load a");
            session.expire(a);
            session.query(Item.class).one();
            session.query(Item.class).populateExisting().one();
            assertThat(log).containsExactly("load a", "refresh a", "refresh a");
        }
    }
}
