package dev.alchemy.orm;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.model.Author;
import dev.alchemy.orm.model.Book;
import dev.alchemy.orm.model.User;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Adding a detached object to a new session: it is persistent again, what changed is found against its row as it is
 * now, its version column keeps the version the application saw, and nothing is written when nothing changed.
 */
@OnDatabases
class ReattachTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory factory;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(User.class, Author.class, Book.class).metadata().createAll(engine);
        engine.addStatementListener(statements::add);
        factory = new SessionFactory(engine);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private List<String> writes() {
        return statements.stream()
                .map(StatementEvent::sql)
                .filter(sql -> sql.startsWith("UPDATE") || sql.startsWith("INSERT") || sql.startsWith("DELETE"))
                .toList();
    }

    private Author detached(String name) {
        Author a = new Author(name);
        try (Session session = factory.openSession()) {
            session.add(a);
            session.commit();
            a.getBio(); // expired by the commit; nothing is loaded lazily here (plain fields)
        }
        return a;
    }

    private Map<String, Object> row(long id) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT name, bio, version FROM authors WHERE id = :id"), Map.of("id", id))
                    .one()
                    .asMap();
        }
    }

    @Test
    void anUnchangedReattachedObjectWithoutAVersionWritesNothing() {
        User u = new User("Ann", "ann@example.com");
        try (Session session = factory.openSession()) {
            session.add(u);
            session.commit();
            session.refresh(u);
        }
        statements.clear();
        try (Session session = factory.openSession()) {
            session.add(u);
            assertThat(session.stateOf(u)).isEqualTo(ObjectState.PERSISTENT);
            assertThat(session.isModified(u)).isFalse();
            session.commit();
        }
        assertThat(writes()).isEmpty();
        assertThat(statements.get(0).sql()).startsWith("SELECT").contains("WHERE users.id IN (");
    }

    @Test
    void onlyTheColumnsChangedWhileDetachedAreWrittenWithoutAVersion() {
        User u = new User("Ann", "ann@example.com");
        try (Session session = factory.openSession()) {
            session.add(u);
            session.commit();
            session.refresh(u);
        }
        u.email = "ann@work.example.com";
        statements.clear();
        try (Session session = factory.openSession()) {
            session.add(u);
            assertThat(session.isModified(u)).isTrue();
            session.commit();
        }
        assertThat(writes()).containsExactly("UPDATE users SET email=? WHERE users.id = ?");
    }

    @Test
    void aReattachedObjectWithAVersionIsWrittenWholeWithItsVersionChecked() {
        Author a = detached("Ann");
        a.setBio("written while detached");
        statements.clear();
        try (Session session = factory.openSession()) {
            session.add(a);
            assertThat(session.isModified(a)).isTrue();
            session.commit();
        }
        assertThat(writes()).hasSize(1);
        assertThat(writes().get(0))
                .startsWith("UPDATE authors SET ")
                .contains("bio=?")
                .endsWith("WHERE authors.id = ? AND authors.version = ?");
        assertThat(statements.stream().map(StatementEvent::sql).filter(sql -> sql.startsWith("SELECT")))
                .isEmpty(); // no read first: see the version conflict tests
        assertThat(row(a.getId()))
                .containsEntry("bio", "written while detached")
                .containsEntry("version", 2);
    }

    @Test
    void aReattachedObjectWhoseRowIsGoneIsStale() {
        Author a = detached("Ann");
        try (Connection conn = engine.connect()) {
            conn.execute(text("DELETE FROM authors"));
            conn.commit();
        }
        a.setBio("too late");
        try (Session session = factory.openSession()) {
            session.add(a);
            assertThatThrownBy(session::commit)
                    .isInstanceOf(StaleDataError.class)
                    .hasMessageContaining("expected to update 1 row(s); 0 were matched");
            session.rollback();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM authors")).scalar(Long.class))
                    .isZero();
        }
    }

    @Test
    void aDetachedObjectCanBeDeletedInAnotherSession() {
        Author a = detached("Ann");
        try (Session session = factory.openSession()) {
            session.delete(a);
            assertThat(session.stateOf(a)).isEqualTo(ObjectState.DELETED);
            session.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM authors")).scalar(Long.class))
                    .isZero();
        }
    }

    @Test
    void anObjectExpungedAndAddedAgainInOneTransactionSeesItsOwnRow() {
        try (Session session = factory.openSession()) {
            Author a = new Author("Ann");
            session.add(a);
            session.flush(); // the row exists only in this transaction
            session.expunge(a);
            assertThat(session.stateOf(a)).isEqualTo(ObjectState.DETACHED);
            a.setBio("changed while expunged");
            session.add(a);
            session.commit();
            assertThat(row(a.getId())).containsEntry("bio", "changed while expunged");
        }
    }

    @Test
    void aDetachedObjectWhoseKeyWasClearedIsInsertedAsANewRow() {
        User u = new User("Ann", "ann@example.com");
        try (Session session = factory.openSession()) {
            session.add(u);
            session.commit();
        }
        Integer first = u.id;
        u.id = null; // the Java idiom for "save as a copy"
        try (Session session = factory.openSession()) {
            session.add(u);
            assertThat(session.stateOf(u)).isEqualTo(ObjectState.PENDING);
            session.commit();
        }
        assertThat(u.id).isNotNull().isNotEqualTo(first);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM users")).scalar(Long.class))
                    .isEqualTo(2);
        }
    }

    @Test
    void aDetachedObjectWhoseKeyWasClearedCannotBeDeleted() {
        User u = new User("Ann", "ann@example.com");
        try (Session session = factory.openSession()) {
            session.add(u);
            session.commit();
        }
        u.id = null;
        try (Session session = factory.openSession()) {
            assertThatThrownBy(() -> session.delete(u))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("cannot delete User")
                    .hasMessageContaining("names no row");
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM users")).scalar(Long.class))
                    .isOne();
        }
    }

    @Test
    void aDetachedObjectRefusedForATakenKeyStaysDetached() {
        Author a = detached("Ann");
        try (Session session = factory.openSession()) {
            Author other = session.get(Author.class, a.getId());
            assertThatThrownBy(() -> session.add(a))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("another object with that key is already in this session");
            assertThat(session.contains(other)).isTrue();
        }
        try (Session session = factory.openSession()) {
            session.add(a); // still detached after the refusal: it can be added elsewhere
            assertThat(session.stateOf(a)).isEqualTo(ObjectState.PERSISTENT);
        }
    }

    @Test
    void detachedObjectsBelongToTheirFactoryAndItsCopies() {
        // the registry of detached objects is the factory's, shared by its with... copies (Spring's read-only and
        // read-write sessions come from one factory this way), and not JVM-global: an unrelated factory, another
        // application's in the same JVM, knows nothing of them
        Author a = detached("Ann");
        SessionFactory readOnlyCopy = factory.withReadOnly(true);
        SessionFactory otherApplication = new SessionFactory(engine);
        try (Session session = readOnlyCopy.openSession()) {
            assertThat(session.stateOf(a)).isEqualTo(ObjectState.DETACHED);
        }
        try (Session session = otherApplication.openSession()) {
            assertThat(session.stateOf(a)).isEqualTo(ObjectState.TRANSIENT);
        }
        statements.clear();
        a.setBio("edited");
        try (Session session = factory.withAutoflush(false).openSession()) {
            session.add(a); // re-attached: an UPDATE, not a second INSERT
            assertThat(session.stateOf(a)).isEqualTo(ObjectState.PERSISTENT);
            session.commit();
        }
        assertThat(writes()).singleElement().asString().startsWith("UPDATE");
    }
}
