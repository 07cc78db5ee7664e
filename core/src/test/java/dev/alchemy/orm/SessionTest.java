package dev.alchemy.orm;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.inspect;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.Alchemy.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.MultipleResultsFound;
import dev.alchemy.exc.NoResultFound;
import dev.alchemy.exc.PendingRollbackError;
import dev.alchemy.exc.ResourceClosedError;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.exc.UnmappedClassError;
import dev.alchemy.orm.model.Author;
import dev.alchemy.orm.model.Book;
import dev.alchemy.orm.model.User;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The Session and its unit of work, on SQLite and on PostgreSQL. */
@OnDatabases
class SessionTest {

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

    private List<String> sql() {
        return statements.stream().map(StatementEvent::sql).toList();
    }

    private long count(String table) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT count(*) FROM " + table)).scalar(Long.class);
        }
    }

    @Test
    void identityMapGivesOneObjectPerRowAndGetHitsSendNoSql() {
        try (Session session = factory.openSession()) {
            Author a = new Author("Ann");
            session.add(a);
            session.flush();
            statements.clear();
            assertThat(session.get(Author.class, a.getId())).isSameAs(a);
            assertThat(session.get(Author.class, a.getId().intValue())).isSameAs(a); // key converted to the pk type
            assertThat(statements).isEmpty();
            assertThat(session.query(Author.class).one()).isSameAs(a);
            assertThat(session.get(Author.class, 999L)).isNull();
        }
    }

    @Test
    void dirtyTrackingUpdatesOnlyChangedColumnsAndNothingWhenUnchanged() {
        Long id;
        try (Session session = factory.openSession()) {
            Author a = new Author("Ann");
            session.add(a);
            session.commit();
            id = a.getId();
        }
        try (Session session = factory.openSession()) {
            Author a = session.get(Author.class, id);
            assertThat(session.isModified(a)).isFalse();
            statements.clear();
            session.flush();
            assertThat(statements).isEmpty();
            a.setBio("writes");
            assertThat(session.isModified(a)).isTrue();
            session.commit();
            assertThat(sql())
                    .containsExactly(
                            "UPDATE authors SET bio=?, version=? WHERE authors.id = ? AND authors.version = ?");
            assertThat(a.getVersion()).isEqualTo(2);
        }
    }

    @Test
    void flushInsertsParentsFirstAndDeletesChildrenFirst() {
        try (Session session = factory.openSession()) {
            Author a = new Author("Ann");
            session.add(a);
            session.flush();
            Book b = new Book(a.getId(), "First");
            Author other = new Author("Bob");
            session.add(b); // child added before the new parent
            session.add(other);
            statements.clear();
            session.flush();
            assertThat(sql()).first().asString().startsWith("INSERT INTO authors");
            assertThat(sql()).last().asString().startsWith("INSERT INTO books");
            statements.clear();
            session.delete(a);
            session.delete(b);
            session.flush();
            assertThat(sql())
                    .containsExactly(
                            "DELETE FROM books WHERE books.id = ?",
                            "DELETE FROM authors WHERE authors.id = ? AND authors.version = ?");
            session.commit();
        }
        assertThat(count("books")).isZero();
        assertThat(count("authors")).isEqualTo(1);
    }

    @Test
    void aThousandNewObjectsGoInOneStatementWithCorrectKeysEvenWhenIdentical() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            users.add(new User("same", "same@example.com")); // identical column values: keys must still match
        }
        try (Session session = factory.openSession()) {
            session.addAll(users);
            session.commit();
        }
        assertThat(statements).hasSize(1);
        if (db.isSqlite() || db.isMariadb()) {
            // SQLite, MariaDB: one multi-row VALUES; its keys are checked to be consecutive before they are matched
            assertThat(statements.get(0).sql())
                    .startsWith("INSERT INTO users (name, email) VALUES (?, ?), (?, ?)")
                    .endsWith(" RETURNING id");
        } else {
            // PostgreSQL: SQLAlchemy 2.0's form, whose ORDER BY makes the sequence number the rows in their order
            assertThat(statements.get(0).sql())
                    .startsWith("INSERT INTO users (name, email) SELECT CAST(imp_sen.p0 AS VARCHAR(100)) AS p0,"
                            + " CAST(imp_sen.p1 AS VARCHAR(100)) AS p1 \nFROM (VALUES (?, ?, ?), (?, ?, ?), ")
                    .endsWith(
                            ", (?, ?, ?)) AS imp_sen (p0, p1, sen_counter) ORDER BY imp_sen.sen_counter RETURNING id");
        }
        for (int i = 0; i < users.size(); i++) {
            assertThat(users.get(i).id).isEqualTo(i + 1);
        }
        statements.clear();
        try (Session session = factory.openSession()) {
            List<User> loaded = session.query(User.class).all();
            for (User u : loaded) {
                u.email = "changed" + u.id + "@example.com";
            }
            session.commit();
            assertThat(statements).hasSize(2); // the SELECT and one executemany UPDATE
            assertThat(statements.get(1).batchSize()).isEqualTo(1000);
            statements.clear();
            for (User u : loaded) {
                session.delete(u);
            }
            session.commit();
            assertThat(statements).hasSize(1);
            assertThat(statements.get(0).batchSize()).isEqualTo(1000);
        }
        assertThat(count("users")).isZero();
    }

    @Test
    void keysMatchObjectsAcrossBatchesAfterRowsWereDeleted() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (id, name) VALUES (5000, 'high')"));
            conn.execute(text("DELETE FROM users"));
            conn.commit();
        }
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            users.add(new User("u" + i, null));
        }
        try (Session session = factory.openSession()) {
            session.addAll(users);
            session.commit();
        }
        try (Connection conn = engine.connect()) {
            for (User u : users) {
                assertThat(conn.execute(text("SELECT name FROM users WHERE id = :id"), Map.of("id", u.id))
                                .scalar())
                        .isEqualTo(u.name);
            }
        }
    }

    @Test
    void keysMatchObjectsWhenSessionsInsertAtTheSameTime() throws Exception {
        int sessions = 4;
        int rows = 5000;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(sessions);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(sessions);
        List<List<User>> made = new ArrayList<>();
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < sessions; t++) {
                List<User> users = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    users.add(new User("t" + t + "-" + i, "same@example.com"));
                }
                made.add(users);
                done.add(pool.submit(() -> {
                    try (Session session = factory.openSession()) {
                        session.addAll(users);
                        start.await();
                        session.commit();
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, String> names = new java.util.HashMap<>();
        try (Connection conn = engine.connect()) {
            for (dev.alchemy.engine.Row r :
                    conn.execute(text("SELECT id, name FROM users")).all()) {
                names.put(((Number) r.get(0)).intValue(), (String) r.get(1));
            }
        }
        assertThat(names).hasSize(sessions * rows);
        // every batch of 1,000 matched its keys in one statement: no batch fell back to one INSERT per row (on
        // PostgreSQL the sessions' keys interleave, which the ordered INSERT ... SELECT does not mind)
        assertThat(statements.stream().filter(e -> e.sql().startsWith("INSERT")))
                .hasSize(sessions * ((rows + 999) / 1000));
        for (List<User> users : made) {
            for (User u : users) {
                assertThat(names.get(u.id)).isEqualTo(u.name);
            }
        }
    }

    @Test
    void optimisticLockConflictRaisesStaleDataErrorAndTheWinnerStays() {
        Long id;
        try (Session session = factory.openSession()) {
            Author a = new Author("Ann");
            session.add(a);
            session.commit();
            id = a.getId();
        }
        try (Session first = factory.openSession();
                Session second = factory.openSession()) {
            Author one = first.get(Author.class, id);
            Author two = second.get(Author.class, id);
            first.rollback(); // end the read transactions so the writers do not lock each other
            second.rollback();
            one.setBio("first");
            two.setBio("second");
            first.commit();
            assertThatThrownBy(second::commit)
                    .isInstanceOf(StaleDataError.class)
                    .hasMessageContaining("expected to update 1 row(s); 0 were matched");
            second.rollback();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT " + db.concat("bio", "version") + " FROM authors"))
                            .scalar())
                    .isEqualTo("first2");
        }
    }

    @Test
    void aFailedFlushRollsBackLeavesTheDatabaseUnchangedAndNeedsRollback() {
        try (Session session = factory.openSession()) {
            session.add(new Author("Ann"));
            session.commit();
        }
        try (Session session = factory.openSession()) {
            Author good = new Author("Bob");
            Author duplicate = new Author("Ann");
            session.add(good);
            session.add(duplicate);
            assertThatThrownBy(session::commit)
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("while flushing Author")
                    .hasMessageContaining(
                            db.isSqlite()
                                    ? "UNIQUE constraint failed: authors.name"
                                    : db.isMariadb()
                                            ? "Duplicate entry 'Ann' for key 'name'"
                                            : "duplicate key value violates unique constraint \"authors_name_key\"")
                    .hasMessageContaining("INSERT INTO authors");
            assertThat(good.getId()).isNull(); // the generated key was taken back
            assertThatThrownBy(() -> session.query(Author.class).all())
                    .isInstanceOf(PendingRollbackError.class)
                    .hasMessageContaining("call rollback()")
                    .hasCauseInstanceOf(IntegrityError.class);
            session.rollback();
            assertThat(session.contains(good)).isFalse();
            assertThat(session.query(Author.class).all())
                    .extracting(Author::getName)
                    .containsExactly("Ann");
            session.add(good);
            session.commit();
        }
        assertThat(count("authors")).isEqualTo(2);
    }

    @Test
    void autoflushBeforeQueriesAndItsErrorSaysSo() {
        try (Session session = factory.openSession()) {
            session.add(new Author("Ann"));
            assertThat(session.query(Author.class).filterBy("name", "Ann").one())
                    .isNotNull();
            session.add(new Author("Ann"));
            assertThatThrownBy(() -> session.query(Author.class).all())
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("query-invoked autoflush");
            session.rollback();
            session.add(new Author("Cid"));
            assertThat(session.noAutoflush(() -> session.query(Author.class).all()))
                    .isEmpty();
        }
    }

    @Test
    void rollbackMakesNewObjectsTransientAndExpiresTheRest() {
        Long id;
        try (Session session = factory.openSession()) {
            Author a = new Author("Ann");
            session.add(a);
            session.commit();
            id = a.getId();
            a.setBio("unsaved change");
            session.flush();
            session.rollback();
            assertThat(session.get(Author.class, id).getBio()).isNull(); // expired: reloaded
        }
    }

    @Test
    void expiredObjectsAreOverwrittenByTheNextLoadButKeepChangesMadeSince() {
        Long id;
        try (Session session = factory.openSession()) {
            Author a = new Author("Ann");
            session.add(a);
            session.commit();
            id = a.getId();
        }
        try (Session session = factory.withExpireOnCommit(false).openSession()) {
            Author a = session.get(Author.class, id);
            try (Connection conn = engine.connect()) {
                conn.execute(text("UPDATE authors SET bio = 'from elsewhere', name = 'Anna'"));
                conn.commit();
            }
            session.commit(); // a new transaction sees the other's change; nothing expired
            session.query(Author.class).all();
            assertThat(a.getBio()).isNull(); // not expired: the loaded value is kept, as SQLAlchemy does
            session.expire(a);
            a.setName("Annie"); // changed after expiry: kept and flushed
            session.noAutoflush(() -> session.query(Author.class).all());
            assertThat(a.getBio()).isEqualTo("from elsewhere");
            assertThat(a.getName()).isEqualTo("Annie");
            assertThat(session.isModified(a)).isTrue();
            session.refresh(a);
            assertThat(a.getName()).isEqualTo("Anna");
            assertThat(session.query(Author.class).populateExisting().all()).hasSize(1);
        }
    }

    @Test
    void typedPredicatesByMethodReferenceAndColumnAndTwoPointOhSelect() {
        try (Session session = factory.openSession()) {
            session.addAll(List.of(new Author("Ann"), new Author("Bob"), new Author("Cid")));
            session.commit();
            assertThat(session.query(Author.class)
                            .filter(where(Author::getName).eq("Bob"))
                            .one()
                            .getName())
                    .isEqualTo("Bob");
            assertThat(session.scalars(select(Author.class)
                                    .where(where(Author::getName).ne("Bob"))
                                    .orderBy(where(Author::getName).desc()))
                            .all())
                    .extracting(Author::getName)
                    .containsExactly("Cid", "Ann");
            assertThat(session.execute(select(Author.class).filterBy("name", "Ann"))
                            .scalars()
                            .first()
                            .getName())
                    .isEqualTo("Ann");
            assertThat(session.query(User.class)
                            .filter(column(User.class, "name").eq("x"))
                            .all())
                    .isEmpty();
            assertThat(session.query(Author.class).count()).isEqualTo(3);
            assertThat(session.query(Author.class).limit(2).count()).isEqualTo(2);
            assertThat(session.query(Author.class).filterBy("name", "Zed").exists())
                    .isFalse();
            assertThat(session.query(Author.class)
                            .orderBy(where(Author::getName).asc())
                            .offset(1)
                            .limit(1)
                            .one()
                            .getName())
                    .isEqualTo("Bob");
            assertThat(session.query(Author.class).stream().map(Author::getName))
                    .hasSize(3);
            assertThatThrownBy(() -> session.query(Author.class).one()).isInstanceOf(MultipleResultsFound.class);
            assertThatThrownBy(() ->
                            session.query(Author.class).filterBy("name", "Zed").one())
                    .isInstanceOf(NoResultFound.class);
            assertThat(session.query(Author.class).filterBy("name", "Zed").oneOrNone())
                    .isNull();
            assertThat(session.query(Author.class)
                            .filterBy(Map.of("name", "Ann", "bio", "x"))
                            .first())
                    .isNull();
        }
    }

    @Test
    void bulkUpdateAndDeleteSyncTheSession() {
        try (Session session = factory.openSession()) {
            Author ann = new Author("Ann");
            Author bob = new Author("Bob");
            session.addAll(List.of(ann, bob));
            session.commit();
            assertThat(session.query(Author.class).filterBy("name", "Ann").update(Map.of("bio", "bulk")))
                    .isEqualTo(1);
            session.query(Author.class).all();
            assertThat(ann.getBio()).isEqualTo("bulk");
            assertThat(session.query(Author.class).filterBy("name", "Bob").delete())
                    .isEqualTo(1);
            assertThat(session.contains(bob)).isFalse();
            session.commit();
        }
        assertThat(count("authors")).isEqualTo(1);
    }

    @Test
    void objectStatesFollowSqlalchemy() {
        Author a = new Author("Ann");
        Session session = factory.openSession();
        assertThat(session.stateOf(a)).isEqualTo(ObjectState.TRANSIENT);
        session.add(a);
        assertThat(session.stateOf(a)).isEqualTo(ObjectState.PENDING);
        session.flush();
        assertThat(session.stateOf(a)).isEqualTo(ObjectState.PERSISTENT);
        session.commit();
        session.close();
        assertThat(session.isOpen()).isFalse();
        try (Session next = factory.openSession()) {
            assertThat(next.stateOf(a)).isEqualTo(ObjectState.DETACHED);
            a.setBio("changed while detached");
            next.add(a); // re-attached, its change is tracked
            assertThat(next.stateOf(a)).isEqualTo(ObjectState.PERSISTENT);
            assertThat(next.isModified(a)).isTrue();
            next.delete(a);
            assertThat(next.stateOf(a)).isEqualTo(ObjectState.DELETED);
            next.commit();
        }
        assertThat(count("authors")).isZero();
    }

    @Test
    void mergeCopiesADetachedObjectOntoThePersistentOne() {
        Author detached;
        try (Session session = factory.openSession()) {
            detached = new Author("Ann");
            session.add(detached);
            session.commit();
        }
        detached.setBio("edited while detached"); // say, by a form
        try (Session session = factory.openSession()) {
            Author loaded = session.get(Author.class, detached.getId());
            Author merged = session.merge(detached);
            assertThat(merged).as("the session's own copy").isSameAs(loaded);
            assertThat(loaded.getBio()).isEqualTo("edited while detached");
            assertThat(session.contains(detached)).isFalse();
            assertThat(session.isModified(loaded)).isTrue();
            session.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT bio FROM authors")).scalars())
                    .containsExactly("edited while detached");
        }
    }

    @Test
    void mergeOfATransientObjectAddsACopy() {
        try (Session session = factory.openSession()) {
            User fromRequest = new User("Zed", "z@x");
            User mergedNew = session.merge(fromRequest);
            assertThat(mergedNew).isNotSameAs(fromRequest);
            assertThat(session.stateOf(mergedNew)).isEqualTo(ObjectState.PENDING);
            assertThat(session.stateOf(fromRequest)).isEqualTo(ObjectState.TRANSIENT);
            session.commit();
        }
        assertThat(count("users")).isEqualTo(1);
    }

    @Test
    void expungeDetachesAndSavepointsRollBackPartOfTheWork() {
        try (Session session = factory.openSession()) {
            Author a = new Author("Ann");
            session.add(a);
            session.flush();
            session.expunge(a);
            assertThat(session.contains(a)).isFalse();
            Transaction savepoint = session.beginNested();
            session.add(new Author("Bob"));
            session.flush();
            savepoint.rollback();
            session.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT name FROM authors")).scalars()).containsExactly("Ann");
        }
    }

    @Test
    void errorsNameTheModelAndWhatToDo() {
        try (Session session = factory.openSession()) {
            assertThatThrownBy(() -> session.add(new Object()))
                    .isInstanceOf(UnmappedClassError.class)
                    .hasMessageContaining("java.lang.Object is not mapped");
            assertThatThrownBy(() -> session.query(User.class).filterBy("nmae", "Alice"))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessage("User has no attribute 'nmae'; its attributes: [id, name, email]");
            assertThatThrownBy(() -> session.delete(new User("x", "y")))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("is not persisted");
            assertThatThrownBy(() -> session.query(Author.class)
                            .filter(where(Author::getScratch).eq("x")))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("not the getter of a mapped attribute");
        }
        Session closed = factory.openSession();
        closed.close();
        assertThatThrownBy(() -> closed.query(User.class)).isInstanceOf(ResourceClosedError.class);
        assertThatThrownBy(() -> closed.add(new User("a", "b"))).isInstanceOf(ResourceClosedError.class);
    }

    @Test
    void closingWithoutCommitRollsBack() {
        try (Session session = factory.openSession()) {
            session.add(new Author("Ann"));
            session.flush();
        }
        assertThat(count("authors")).isZero();
    }

    @Test
    void transientFieldsAreNotMapped() {
        Long id;
        try (Session session = factory.openSession()) {
            Author a = new Author("Ann");
            a.scratch("set before the insert");
            session.add(a);
            session.commit();
            id = a.getId();
        }
        assertThat(inspect(engine).columns("authors"))
                .extracting(c -> c.name())
                .containsExactly("id", "name", "bio", "version");
        try (Session session = factory.openSession()) {
            assertThat(session.get(Author.class, id).getScratch())
                    .as("a fresh object's initial value: nothing was stored")
                    .isEqualTo("not mapped");
        }
    }
}
