package dev.alchemy.orm;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.orm.detach.Book;
import dev.alchemy.orm.detach.Shelf;
import dev.alchemy.orm.roundtrips.Address;
import dev.alchemy.orm.roundtrips.User;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Deleting parents whose one-to-many collection was never loaded (issue 26, W7), with the README's model: the
 * default cascades, so the children stay and their foreign key becomes NULL. The children are not loaded for that:
 * one {@code UPDATE addresses SET user_id = NULL WHERE user_id IN (...)} per 500 parents lets the rows go, and the
 * children the session holds get NULL in memory, as before.
 */
@OnDatabases
class DeleteUnloadedChildrenTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(User.class, Address.class).metadata().createAll(engine);
        Base.of(Shelf.class, Book.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private void seed(int users, int addressesEach) {
        try (Session session = sessions.openSession()) {
            List<User> all = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                User u = new User("u" + i);
                for (int a = 0; a < addressesEach; a++) {
                    u.addresses.add(new Address("u" + i + "-" + a + "@example.com"));
                }
                all.add(u);
            }
            session.addAll(all);
            session.commit();
        }
    }

    private long count(String sql) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text(sql)).scalar(Long.class);
        }
    }

    private List<String> sql(String prefix) {
        return statements.stream()
                .map(StatementEvent::sql)
                .filter(s -> s.startsWith(prefix))
                .toList();
    }

    @Test
    void oneUpdatePer500ParentsAndNoSelectOfTheChildren() {
        seed(600, 2);
        engine.addStatementListener(statements::add);
        try (Session session = sessions.openSession()) {
            List<User> users = session.query(User.class).all();
            for (User u : users) {
                session.delete(u);
            }
            session.commit();
        }
        assertThat(sql("SELECT").stream().filter(s -> s.contains("FROM addresses")))
                .isEmpty();
        assertThat(sql("UPDATE addresses")).hasSize(2).allMatch(s -> s.contains("WHERE addresses.user_id IN ("));
        assertThat(sql("DELETE FROM users")).hasSize(1);
        assertThat(count("SELECT count(*) FROM users")).isZero();
        assertThat(count("SELECT count(*) FROM addresses")).isEqualTo(1200);
        assertThat(count("SELECT count(*) FROM addresses WHERE user_id IS NOT NULL"))
                .isZero();
    }

    @Test
    void onlyTheDeletedParentsChildrenAreLetGo() {
        seed(3, 2);
        try (Session session = sessions.openSession()) {
            List<User> users = session.query(User.class)
                    .orderBy(dev.alchemy.Alchemy.column(User.class, "id"))
                    .all();
            session.delete(users.get(1));
            session.commit();
        }
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM addresses WHERE user_id IS NULL"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM addresses WHERE user_id IS NOT NULL"))
                .isEqualTo(4);
    }

    @Test
    void childrenTheSessionHoldsGetNullInMemoryToo() {
        seed(2, 2);
        try (Session session = sessions.openSession()) {
            List<Address> addresses = session.query(Address.class).all();
            List<User> users = session.query(User.class)
                    .orderBy(dev.alchemy.Alchemy.column(User.class, "id"))
                    .all();
            User first = users.get(0);
            Address mine = addresses.stream()
                    .filter(a -> a.userId.equals(first.id))
                    .findFirst()
                    .orElseThrow();
            assertThat(mine.user).isSameAs(first); // loaded lazily, from the session
            session.delete(first);
            session.flush();
            assertThat(mine.userId).isNull();
            assertThat(mine.user).isNull();
            assertThat(session.isModified(mine)).isFalse(); // written by the flush
            Address other =
                    addresses.stream().filter(a -> a.userId != null).findFirst().orElseThrow();
            assertThat(other.userId).isEqualTo(users.get(1).id);
            session.commit();
        }
        assertThat(count("SELECT count(*) FROM addresses WHERE user_id IS NULL"))
                .isEqualTo(2);
    }

    @Test
    void aRollbackKeepsTheChildrensKeys() {
        seed(2, 2);
        try (Session session = sessions.openSession()) {
            for (User u : session.query(User.class).all()) {
                session.delete(u);
            }
            session.flush();
            assertThat(session.execute(text("SELECT count(*) FROM addresses WHERE user_id IS NULL"))
                            .scalar(Long.class))
                    .isEqualTo(4);
            session.rollback();
        }
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM addresses WHERE user_id IS NOT NULL"))
                .isEqualTo(4);
    }

    @Test
    void anUndoneDeleteLetsNothingGo() {
        seed(2, 1);
        try (Session session = sessions.openSession()) {
            User u = session.query(User.class).all().get(0);
            session.delete(u);
            session.expunge(u); // the delete is forgotten with the object
            session.commit();
        }
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM addresses WHERE user_id IS NULL"))
                .isZero();
    }

    @Test
    void aChildMovedToAnotherParentInTheSameFlushKeepsItsNewParent() {
        seed(2, 1);
        try (Session session = sessions.openSession()) {
            List<User> users = session.query(User.class)
                    .orderBy(dev.alchemy.Alchemy.column(User.class, "id"))
                    .all();
            User first = users.get(0);
            User second = users.get(1);
            Address moved =
                    session.query(Address.class).filterBy("userId", first.id).one();
            moved.user = second; // its row still names the first user until the flush writes it
            session.delete(first);
            session.commit();
            assertThat(moved.userId).isEqualTo(second.id);
        }
        assertThat(count("SELECT count(*) FROM addresses WHERE user_id IS NULL"))
                .isZero();
        assertThat(count("SELECT count(*) FROM addresses WHERE user_id = (SELECT id FROM users)"))
                .isEqualTo(2);
    }

    @Test
    void versionedChildrenAreLoadedAndUpdatedOneByOneSoTheirCountersMove() {
        try (Session session = sessions.openSession()) {
            for (int i = 0; i < 3; i++) {
                Shelf shelf = new Shelf("s" + i);
                shelf.books.add(new Book("b" + i + "-1"));
                shelf.books.add(new Book("b" + i + "-2"));
                session.add(shelf);
            }
            session.commit();
        }
        engine.addStatementListener(statements::add);
        try (Session session = sessions.openSession()) {
            for (Shelf shelf : session.query(Shelf.class).all()) {
                session.delete(shelf);
            }
            session.commit();
        }
        // a bulk UPDATE would not move the counters, so another session's stale copy would go unnoticed
        assertThat(sql("UPDATE books").stream().filter(s -> s.contains(" IN (")))
                .isEmpty();
        assertThat(sql("SELECT").stream().filter(s -> s.contains("FROM books"))).isNotEmpty();
        assertThat(count("SELECT count(*) FROM books WHERE shelf_id IS NULL AND version = 2"))
                .isEqualTo(6);
        assertThat(count("SELECT count(*) FROM shelves")).isZero();
    }
}
