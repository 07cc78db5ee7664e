package dev.alchemy.boot.autoconfigure.mariadb;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.TestDatabase;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter on a real MariaDB (the embedded server of core's tests), configured the way an application moving
 * from SQLite is: only {@code spring.datasource.url} (and the user) change. The dialect is found from the DataSource;
 * Alchemy and {@code JdbcTemplate} share the transaction of a {@code @Transactional} method, and MariaDB's error
 * numbers arrive as Spring's exceptions, the same whether Alchemy or {@code JdbcTemplate} ran the statement.
 */
@SpringBootTest(classes = MariadbApplicationTest.App.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MariadbApplicationTest {

    static final TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB, "MariadbApplicationTest");

    static final MetaData metadata = new MetaData();
    static final Table notes = Table.of(
            "note",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            Column.of("body", string(100)).notNull().unique());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Autowired
    Notes service;

    @Autowired
    Engine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void emptyTable() {
        metadata.createAll(engine);
        jdbc.execute("DELETE FROM note");
    }

    private Integer count() {
        return jdbc.queryForObject("SELECT count(*) FROM note", Integer.class);
    }

    @Test
    void theEngineIsMariadbFromTheDataSourceAlone() {
        assertThat(Dialect.of(engine).name()).isEqualTo("mariadb");
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT DATABASE()")).scalar())
                    .asString()
                    .startsWith("t");
        }
    }

    @Test
    void alchemyAndJdbcTemplateCommitTogetherOnOneConnection() {
        assertThat(service.writeWithBoth("a", false)).isTrue();
        assertThat(jdbc.queryForList("SELECT body FROM note ORDER BY body", String.class))
                .containsExactly("a by alchemy", "a by jdbc");
    }

    @Test
    void anExceptionRollsBackWhatBothWrote() {
        assertThatThrownBy(() -> service.writeWithBoth("b", true)).isInstanceOf(IllegalStateException.class);
        assertThat(count()).isZero();
    }

    @Test
    void aDuplicateKeyIsADuplicateKeyExceptionFromAlchemyAndFromJdbcTemplate() {
        service.writeWithBoth("c", false);
        assertThatThrownBy(() -> service.insertWithAlchemy("c by jdbc"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("INSERT INTO note")
                .hasMessageContaining("Duplicate entry 'c by jdbc' for key 'body'");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO note (body) VALUES (?)", "c by alchemy"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aFailedStatementRollsBackTheTransactionTheMethodLeavesWithAnException() {
        // unlike PostgreSQL, MariaDB keeps the transaction going after a failed statement; Spring rolls it back
        // because the method ends with the (translated, unchecked) exception
        assertThatThrownBy(() -> service.insertTwice("d")).isInstanceOf(DuplicateKeyException.class);
        assertThat(count()).isZero();
    }

    @Test
    void aNullInARequiredColumnIsADataIntegrityViolation() {
        assertThatThrownBy(() -> service.insertWithAlchemy(null))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("Column 'body' cannot be null");
    }

    @Test
    void aValueTooLongIsADataIntegrityViolationNotCut() {
        assertThatThrownBy(() -> service.insertWithAlchemy("x".repeat(101)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("Data too long for column 'body'");
        assertThat(count()).isZero();
    }

    @Test
    void aMissingParentIsADataIntegrityViolationAtTheStatement() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS parent (id INTEGER PRIMARY KEY)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS child (id INTEGER PRIMARY KEY,"
                + " parent_id INTEGER REFERENCES parent (id))");
        // MySQL and MariaDB check a foreign key at once (there are no deferred constraints)
        assertThatThrownBy(() -> service.insertOrphan())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("a foreign key constraint fails");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child", Integer.class))
                .isZero();
    }

    @Test
    void aRowLockedByAnotherTransactionIsCannotAcquireLockWithNowait() throws Exception {
        service.writeWithBoth("e", false);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder =
                    other.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
                        jdbc.queryForList("SELECT id FROM note WHERE body = 'e by jdbc' FOR UPDATE");
                        locked.countDown();
                        await(release);
                    }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            // MariaDB reports NOWAIT as a lock wait timeout (1205)
            assertThatThrownBy(() -> service.lockNowait("e by jdbc"))
                    .isInstanceOf(CannotAcquireLockException.class)
                    .hasMessageContaining("Lock wait timeout exceeded");
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        assertThat(service.lockNowait("e by jdbc")).isEqualTo(1);
    }

    @Test
    void aDeadlockIsCannotAcquireLockFromAlchemyAndFromJdbcTemplate() throws Exception {
        jdbc.execute("CREATE TABLE IF NOT EXISTS account (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)");
        jdbc.execute("DELETE FROM account");
        jdbc.execute("INSERT INTO account VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0)");
        assertThatThrownBy(() -> deadlock(true))
                .isInstanceOf(CannotAcquireLockException.class)
                .hasMessageContaining("Deadlock found when trying to get lock");
        assertThatThrownBy(() -> deadlock(false))
                .isInstanceOf(CannotAcquireLockException.class)
                .hasMessageContaining("Deadlock found when trying to get lock");
        // the victim's transaction was rolled back, the other one committed
        assertThat(jdbc.queryForList("SELECT balance FROM account ORDER BY id", Integer.class))
                .containsExactly(2, 2, 2, 2, 2);
    }

    /**
     * A transaction of the service locks account 1 and then wants 2; another, heavier one (it holds 2 to 5) then wants
     * 1. InnoDB rolls back the lighter of the two, the service's, which throws.
     */
    private void deadlock(boolean alchemy) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService heavy = Executors.newSingleThreadExecutor();
        try (java.sql.Connection other = engine.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (var st = other.createStatement()) {
                st.executeUpdate("UPDATE account SET balance = balance + 1 WHERE id >= 2");
            }
            Future<?> closer = heavy.submit(() -> {
                await(locked);
                try (var st = other.createStatement()) {
                    Thread.sleep(300); // the service is then waiting for account 2
                    st.executeUpdate("UPDATE account SET balance = balance + 1 WHERE id = 1");
                    other.commit();
                }
                return null;
            });
            try {
                service.moveInTwoSteps(alchemy, locked);
            } finally {
                closer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            heavy.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Notes.class)
    static class App {}

    /** A repository that writes through Alchemy's Core and through JdbcTemplate; errors arrive translated. */
    @Repository
    static class Notes {

        private final Engine engine;
        private final JdbcTemplate jdbc;
        private final DataSource dataSource;

        Notes(Engine engine, JdbcTemplate jdbc, DataSource dataSource) {
            this.engine = engine;
            this.jdbc = jdbc;
            this.dataSource = dataSource;
        }

        /** @return whether Alchemy used the connection of Spring's transaction */
        @Transactional
        public boolean writeWithBoth(String prefix, boolean fail) {
            boolean shared;
            try (Connection connection = engine.connect()) {
                connection.execute(insert(notes).values(Map.of("body", prefix + " by alchemy")));
                shared = connection.jdbcConnection() == DataSourceUtils.getConnection(dataSource);
            }
            jdbc.update("INSERT INTO note (body) VALUES (?)", prefix + " by jdbc");
            if (fail) {
                throw new IllegalStateException("something went wrong after both writes");
            }
            return shared;
        }

        @Transactional
        public void insertWithAlchemy(String body) {
            try (Connection connection = engine.connect()) {
                java.util.HashMap<String, Object> values = new java.util.HashMap<>();
                values.put("body", body);
                connection.execute(insert(notes).values(values));
            }
        }

        @Transactional
        public void insertTwice(String body) {
            insertWithAlchemy(body);
            jdbc.update("INSERT INTO note (body) VALUES (?)", body);
        }

        @Transactional
        public void insertOrphan() {
            try (Connection connection = engine.connect()) {
                connection.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 99)"));
            }
        }

        /** Adds one to account 1, then to account 2, through Alchemy or JdbcTemplate. */
        @Transactional
        public void moveInTwoSteps(boolean alchemy, CountDownLatch firstLocked) {
            for (int id = 1; id <= 2; id++) {
                if (alchemy) {
                    try (Connection connection = engine.connect()) {
                        connection.execute(
                                text("UPDATE account SET balance = balance + 1 WHERE id = :id"), Map.of("id", id));
                    }
                } else {
                    jdbc.update("UPDATE account SET balance = balance + 1 WHERE id = ?", id);
                }
                firstLocked.countDown();
            }
        }

        /** @return how many rows were locked */
        @Transactional
        public int lockNowait(String body) {
            try (Connection connection = engine.connect()) {
                return connection
                        .execute(text("SELECT id FROM note WHERE body = :body FOR UPDATE NOWAIT"), Map.of("body", body))
                        .all()
                        .size();
            }
        }
    }
}
