package dev.alchemy.orm;

import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.Alchemy.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.orm.model.Author;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * {@code withForUpdate()} on queries and selects: {@code SELECT ... FOR UPDATE [NOWAIT | SKIP LOCKED]} on
 * PostgreSQL and MariaDB, nothing on SQLite (which locks the database file, not rows), and populate-existing on both.
 */
@OnDatabases
class RowLockingTest {

    private static final String SELECT_ANN =
            "SELECT authors.id, authors.name, authors.bio, authors.version \nFROM authors \nWHERE authors.name = ?";

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory factory;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(Author.class).metadata().createAll(engine);
        factory = new SessionFactory(engine);
        try (Session session = factory.openSession()) {
            for (String name : List.of("Ann", "Bob", "Cid")) {
                session.add(new Author(name));
            }
            session.commit();
        }
        engine.addStatementListener(statements::add);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private List<String> sql() {
        return statements.stream().map(StatementEvent::sql).toList();
    }

    /**
     * What PostgreSQL and MariaDB append for a lock (MariaDB's shared lock is {@code LOCK IN SHARE MODE}); SQLite
     * appends nothing, as SQLAlchemy's SQLite compiler.
     */
    private String lock(String clause) {
        if (db.isSqlite()) {
            return "";
        }
        return db.isMariadb() && clause.equals("FOR SHARE") ? " LOCK IN SHARE MODE" : " " + clause;
    }

    /** The server's words for a NOWAIT that found the row locked. */
    private String lockNotAvailable() {
        // MariaDB reports NOWAIT as a lock wait timeout (1205), which Alchemy maps to OperationalError as PyMySQL does
        return db.isMariadb() ? "Lock wait timeout exceeded" : "could not obtain lock on row in relation \"authors\"";
    }

    @Test
    void queryAndSelectRenderTheLockOnPostgresqlAndNothingOnSqlite() {
        try (Session session = factory.openSession()) {
            session.query(Author.class).filterBy("name", "Ann").withForUpdate().all();
            session.query(Author.class)
                    .filterBy("name", "Ann")
                    .withForUpdate(true, false, false)
                    .all();
            session.scalars(select(Author.class).filterBy("name", "Ann").withForUpdate(false, true, false))
                    .all();
            session.scalars(select(Author.class).filterBy("name", "Ann").withForUpdate(false, false, true))
                    .all();
        }
        assertThat(sql())
                .containsExactly(
                        SELECT_ANN + lock("FOR UPDATE"),
                        SELECT_ANN + lock("FOR UPDATE NOWAIT"),
                        SELECT_ANN + lock("FOR UPDATE SKIP LOCKED"),
                        SELECT_ANN + lock("FOR SHARE"));
    }

    @Test
    void theLockComesAfterLimit() {
        try (Session session = factory.openSession()) {
            session.query(Author.class)
                    .orderBy(where(Author::getName).asc())
                    .withForUpdate()
                    .first();
        }
        // SQLAlchemy's LIMIT is " LIMIT ? OFFSET ?" on SQLite, " \n LIMIT ?" on PostgreSQL (reference §2.9)
        assertThat(sql().get(0))
                .endsWith(
                        db.isSqlite()
                                ? "ORDER BY authors.name ASC\n LIMIT ? OFFSET ?"
                                : "ORDER BY authors.name ASC \n LIMIT ? FOR UPDATE");
    }

    @Test
    void withForUpdateOverwritesLoadedObjectsWithTheLockedRow() {
        try (Session session = factory.withExpireOnCommit(false).openSession()) {
            Author ann = session.query(Author.class).filterBy("name", "Ann").one();
            session.commit(); // ends the read transaction; ann stays loaded, not expired
            try (Connection other = engine.connect()) {
                other.execute(text("UPDATE authors SET bio = 'changed elsewhere' WHERE name = 'Ann'"));
                other.commit();
            }
            // a plain query keeps what the session loaded, as SQLAlchemy does
            assertThat(session.query(Author.class).filterBy("name", "Ann").one())
                    .isSameAs(ann);
            assertThat(ann.getBio()).isNull();
            // withForUpdate() implies populateExisting(): the object now holds the row it locked
            assertThat(session.query(Author.class)
                            .filterBy("name", "Ann")
                            .withForUpdate()
                            .one())
                    .isSameAs(ann);
            assertThat(ann.getBio()).isEqualTo("changed elsewhere");
            session.commit();
            try (Connection other = engine.connect()) {
                other.execute(text("UPDATE authors SET bio = 'changed again' WHERE name = 'Ann'"));
                other.commit();
            }
            assertThat(session.scalars(
                                    select(Author.class).filterBy("name", "Ann").withForUpdate())
                            .one())
                    .isSameAs(ann);
            assertThat(ann.getBio()).isEqualTo("changed again");
        }
    }

    @Test
    void getForUpdateLocksTheRowAndRefreshesTheLoadedObject() {
        long id;
        try (Session session = factory.withExpireOnCommit(false).openSession()) {
            Author ann = session.query(Author.class).filterBy("name", "Ann").one();
            id = ann.getId();
            session.commit();
            try (Connection other = engine.connect()) {
                other.execute(text("UPDATE authors SET bio = 'changed elsewhere' WHERE name = 'Ann'"));
                other.commit();
            }
            statements.clear();
            assertThat(session.get(Author.class, id)).isSameAs(ann); // the identity map: no SQL
            assertThat(statements).isEmpty();
            assertThat(session.getForUpdate(Author.class, id)).isSameAs(ann); // SQL every time, and overwrites
            assertThat(ann.getBio()).isEqualTo("changed elsewhere");
            assertThat(sql())
                    .containsExactly("SELECT authors.id, authors.name, authors.bio, authors.version \nFROM authors "
                            + "\nWHERE authors.id = ?" + lock("FOR UPDATE"));
            assertThat(session.getForUpdate(Author.class, 999_999)).isNull();
            session.delete(ann);
            assertThat(session.getForUpdate(Author.class, id)).isNull(); // deleted in this session
            session.rollback();
        }
        assumeTrue(!db.isSqlite(), "SQLite has no row locks");
        try (Session holder = factory.openSession();
                Session other = factory.openSession()) {
            holder.getForUpdate(Author.class, id);
            assertThatThrownBy(() -> other.query(Author.class)
                            .filterBy("name", "Ann")
                            .withForUpdate(true, false, false)
                            .one())
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining(lockNotAvailable());
            other.rollback();
            holder.commit();
        }
    }

    @Test
    void nowaitFailsAtOnceOnARowAnotherTransactionLocked() {
        assumeTrue(!db.isSqlite(), "SQLite has no row locks");
        try (Session holder = factory.openSession();
                Session other = factory.openSession()) {
            holder.query(Author.class).filterBy("name", "Ann").withForUpdate().one();
            assertThatThrownBy(() -> other.query(Author.class)
                            .filterBy("name", "Ann")
                            .withForUpdate(true, false, false)
                            .one())
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining(lockNotAvailable());
            other.rollback();
            // another row is free
            assertThat(other.query(Author.class)
                            .filterBy("name", "Bob")
                            .withForUpdate(true, false, false)
                            .one()
                            .getName())
                    .isEqualTo("Bob");
            holder.commit(); // releases Ann
            other.rollback();
            assertThat(other.query(Author.class)
                            .filterBy("name", "Ann")
                            .withForUpdate(true, false, false)
                            .one()
                            .getName())
                    .isEqualTo("Ann");
        }
    }

    @Test
    void skipLockedHandsEachWorkerADifferentRow() {
        assumeTrue(!db.isSqlite(), "SQLite has no row locks");
        try (Session first = factory.openSession();
                Session second = factory.openSession()) {
            Query<Author> next = first.query(Author.class)
                    .orderBy(where(Author::getName).asc())
                    .withForUpdate(false, true, false);
            assertThat(next.first().getName()).isEqualTo("Ann");
            assertThat(second.query(Author.class)
                            .orderBy(where(Author::getName).asc())
                            .withForUpdate(false, true, false)
                            .first()
                            .getName())
                    .isEqualTo("Bob"); // Ann is locked by the first worker: skipped, not waited for
            assertThat(second.query(Author.class)
                            .filterBy("name", "Ann")
                            .withForUpdate(false, true, false)
                            .oneOrNone())
                    .isNull();
        }
    }

    @Test
    void concurrentReadModifyWriteUnderTheLockLosesNoUpdateAndNeverConflicts() throws Exception {
        // Author has a version column: without the lock the loser of a race gets StaleDataError; with it, the
        // second transaction waits for the first and reads its result
        assumeTrue(!db.isSqlite(), "SQLite has no row locks; its writers are serialised per database");
        int workers = 4;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        try (Session session = factory.openSession()) {
                            Author ann = session.query(Author.class)
                                    .filterBy("name", "Ann")
                                    .withForUpdate()
                                    .one();
                            int count = ann.getBio() == null ? 0 : Integer.parseInt(ann.getBio());
                            ann.setBio(Integer.toString(count + 1));
                            session.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Session session = factory.openSession()) {
            Author ann = session.query(Author.class).filterBy("name", "Ann").one();
            assertThat(ann.getBio()).isEqualTo(Integer.toString(workers * rounds));
            assertThat(ann.getVersion()).isEqualTo(1 + workers * rounds);
        }
    }
}
