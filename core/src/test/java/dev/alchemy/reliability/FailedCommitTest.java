package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.PendingRollbackError;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A COMMIT the database refuses leaves nothing behind: not on the pooled connection, where a later, unrelated transaction would otherwise commit
 * the rejected rows, and not in the Session, which then needs {@code rollback()} as after a failed flush. The engine
 * has one pooled connection, so the next transaction runs on the very connection whose COMMIT failed.
 *
 * <p>What refuses the COMMIT: on SQLite and PostgreSQL a {@code DEFERRABLE INITIALLY DEFERRED} foreign key, checked
 * only at COMMIT ({@code IntegrityError}); SQLite then keeps the transaction open, PostgreSQL ends it. MariaDB has no
 * deferred constraints: there a backup's {@code BACKUP STAGE BLOCK_COMMIT}, held by another connection, makes the
 * COMMIT time out ({@code OperationalError}, error 1205) and the server roll the transaction back; the foreign key is
 * left out there, so the same rows can be written. Last, on PostgreSQL and MariaDB, the server ends the connection
 * under an open transaction, and the COMMIT fails.
 */
@OnDatabases
class FailedCommitTest {

    @Table(name = "parents")
    static class Parent {
        @Column(primaryKey = true)
        Integer id;

        Parent() {}

        Parent(Integer id) {
            this.id = id;
        }
    }

    @Table(name = "children")
    static class Child {
        @Column(primaryKey = true)
        Integer id;

        @Column
        Integer parentId;

        Child() {}

        Child(Integer parentId) {
            this.parentId = parentId;
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void open() {
        EngineOptions options = EngineOptions.defaults().poolSize(1);
        engine = db.isMariadb()
                ? Engine.create(db.url() + "?" + ServerSideFailures.NO_LOCK_WAIT, options)
                : db.createEngine(options);
        String reference = db.isMariadb() ? "" : " REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED";
        engine.useTransaction(conn -> {
            conn.execute(text("CREATE TABLE parents (id INTEGER PRIMARY KEY)"));
            conn.execute(text("CREATE TABLE children (id " + db.autoincrementPrimaryKey() + ", parent_id INTEGER"
                    + reference + ")"));
        });
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void clean() {
        engine.dispose();
        db.reset();
    }

    /** What the database raises for the refused COMMIT: see the class comment. */
    private Class<? extends DBAPIError> refusal() {
        return db.isMariadb() ? OperationalError.class : IntegrityError.class;
    }

    /**
     * Commits a transaction that wrote a child of parent 99, which does not exist: SQLite and PostgreSQL refuse it
     * for the deferred foreign key; on MariaDB the commit runs while a backup blocks commits.
     */
    private void refusedCommit(Runnable commit) {
        if (db.isMariadb()) {
            ServerSideFailures.refusingCommits(db, commit);
        } else {
            commit.run();
        }
    }

    private long count(String table) {
        try (Connection conn = engine.connect()) {
            return ((Number) conn.execute(text("SELECT count(*) FROM " + table)).scalar()).longValue();
        }
    }

    /** A later transaction on the same pooled connection that commits: it must not carry the rejected row along. */
    private void commitAnUnrelatedTransaction() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO parents (id) VALUES (99)"));
            conn.commit();
        }
    }

    @Test
    void aRefusedCommitIsRolledBackOnTheConnection() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO children (parent_id) VALUES (99)"));
            assertThatThrownBy(() -> refusedCommit(conn::commit)).isInstanceOf(refusal());
            assertThat(conn.inTransaction()).isFalse();
            conn.rollback(); // what an application does after a failed commit; nothing left to undo
        }
        commitAnUnrelatedTransaction();
        assertThat(count("parents")).isEqualTo(1);
        assertThat(count("children")).as("the row whose COMMIT failed").isZero();
    }

    @Test
    void aRefusedCommitIsRolledBackEvenWithoutAnExplicitRollback() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO children (parent_id) VALUES (99)"));
            assertThatThrownBy(() -> refusedCommit(conn::commit)).isInstanceOf(refusal());
        }
        commitAnUnrelatedTransaction();
        assertThat(count("children")).isZero();
    }

    @Test
    void theConnectionWorksNormallyAfterARefusedCommit() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO children (parent_id) VALUES (99)"));
            assertThatThrownBy(() -> refusedCommit(conn::commit)).isInstanceOf(refusal());
            // commit as you go: the next statement begins a new transaction on the same connection
            conn.execute(text("INSERT INTO parents (id) VALUES (7)"));
            conn.execute(text("INSERT INTO children (parent_id) VALUES (7)"));
            conn.commit();
            conn.execute(text("INSERT INTO parents (id) VALUES (8)"));
            conn.rollback();
        }
        assertThat(count("parents")).isEqualTo(1);
        assertThat(count("children")).isEqualTo(1);
    }

    @Test
    void aSessionWhoseCommitFailedNeedsRollbackAndItsNewObjectsAreTransientAgain() {
        Child orphan = new Child(99);
        try (Session session = sessions.openSession()) {
            session.add(orphan);
            assertThatThrownBy(() -> refusedCommit(session::commit)).isInstanceOf(refusal());

            assertThatThrownBy(() -> session.query(Child.class).all())
                    .isInstanceOf(PendingRollbackError.class)
                    .hasMessageContaining("commit")
                    .hasMessageContaining("rollback()");
            assertThatThrownBy(() -> session.add(new Parent(1))).isInstanceOf(PendingRollbackError.class);

            session.rollback();
            assertThat(session.contains(orphan)).isFalse();
            assertThat(session.stateOf(orphan)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(orphan.id)
                    .as("the key the failed INSERT gave it is taken back")
                    .isNull();

            // usable again: the same object can be saved once its parent exists
            session.add(new Parent(99));
            session.add(orphan);
            session.commit();
        }
        assertThat(count("children")).isEqualTo(1);
        assertThat(count("parents")).isEqualTo(1);
    }

    @Test
    void aSessionWhoseCommitFailedLeavesNoRowForTheNextTransaction() {
        try (Session session = sessions.openSession()) {
            session.add(new Child(99));
            assertThatThrownBy(() -> refusedCommit(session::commit)).isInstanceOf(refusal());
        } // closed without rollback(): closing rolls back too
        try (Session session = sessions.openSession()) {
            session.add(new Parent(99));
            session.commit();
        }
        assertThat(count("children")).isZero();
        assertThat(count("parents")).isEqualTo(1);
    }

    @Test
    void aFailedCommitThroughEngineBeginRollsBack() {
        assertThatThrownBy(() -> refusedCommit(() -> engine.useTransaction(
                        conn -> conn.execute(text("INSERT INTO children (parent_id) VALUES (99)")))))
                .isInstanceOf(refusal());
        commitAnUnrelatedTransaction();
        assertThat(count("children")).isZero();
    }

    @Test
    void readsAfterARefusedCommitSeeNoneOfItsRows() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO children (parent_id) VALUES (99)"));
            assertThatThrownBy(() -> refusedCommit(conn::commit)).isInstanceOf(refusal());
            assertThat(conn.execute(text("SELECT count(*) FROM children")).scalar(Long.class))
                    .isZero();
        }
        assertThat(count("children")).isZero();
    }

    @Test
    void theSameConnectionIsReadyAfterwards() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO children (parent_id) VALUES (99)"));
            assertThatThrownBy(() -> refusedCommit(conn::commit)).isInstanceOf(refusal());
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM children")).scalar(Long.class))
                    .isZero();
            conn.execute(text("INSERT INTO parents (id) VALUES (:id)"), Map.of("id", 5));
            conn.rollback();
        }
        assertThat(count("parents")).isZero();
    }

    @Test
    void aConnectionWhoseRollbackFailedIsDiscardedNotPooledAgain() throws Exception {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO parents (id) VALUES (1)"));
            // the physical connection dies underneath the pool's proxy (a server restart, a killed backend)
            conn.jdbcConnection().unwrap(java.sql.Connection.class).close();
            assertThatThrownBy(conn::rollback).isInstanceOf(DBAPIError.class);
            assertThatThrownBy(() -> conn.execute(text("SELECT 1")))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("ROLLBACK failed")
                    .hasMessageContaining("take a new one");
        }
        // the pool's only connection was evicted and replaced, not handed out again dead
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM parents")).scalar(Long.class))
                    .isZero();
        }
    }

    @Test
    void aCommitOnAConnectionTheServerEndedFailsAndNothingOfItIsStored() {
        Assumptions.assumeFalse(db.isSqlite(), "an SQLite database has no server to end a connection");
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO parents (id) VALUES (1)"));
            Object id =
                    conn.execute(text(ServerSideFailures.connectionIdQuery(db))).scalar();
            ServerSideFailures.killConnection(db, java.util.Objects.requireNonNull(id));
            assertThatThrownBy(conn::commit).isInstanceOf(DBAPIError.class);
            assertThat(conn.inTransaction()).isFalse();
        }
        // the dead connection was evicted: the pool's only connection is a new one, and works
        commitAnUnrelatedTransaction();
        assertThat(count("parents"))
                .as("only the unrelated transaction's parent")
                .isEqualTo(1);
    }
}
