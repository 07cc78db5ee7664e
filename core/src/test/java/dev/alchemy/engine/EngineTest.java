package dev.alchemy.engine;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.DataError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.MultipleResultsFound;
import dev.alchemy.exc.NoResultFound;
import dev.alchemy.exc.PoolTimeoutError;
import dev.alchemy.exc.ProgrammingError;
import dev.alchemy.exc.ResourceClosedError;
import dev.alchemy.sql.TextClause;
import dev.alchemy.testing.LogCapture;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * What the engine does the same way on every database: text SQL, executemany, transactions and savepoints, errors,
 * binding, results, the pool, threads, listeners. Runs on SQLite, PostgreSQL and MariaDB; what only one of them
 * does is in {@link SqliteEngineTest} and {@link PostgresqlEngineTest}.
 */
@OnDatabases
class EngineTest {

    @Parameter
    TestDatabase db;

    Engine engine;

    @BeforeEach
    void createTables() {
        engine = db.createEngine();
        engine.useTransaction(conn -> {
            // 255, not longer: on MariaDB a UNIQUE over more than 3,072 bytes is a hash ("long unique") whose
            // check deadlocks concurrent INSERTs of distinct names (engineIsSharedSafelyBetweenThreads).
            conn.execute(text("CREATE TABLE users (id " + db.autoincrementPrimaryKey()
                    + ", name VARCHAR(255) NOT NULL UNIQUE, email " + (db.isMariadb() ? "LONGTEXT" : "TEXT") + ")"));
            conn.execute(text("CREATE TABLE addresses (id " + db.autoincrementPrimaryKey()
                    + ", user_id INTEGER REFERENCES users(id), email VARCHAR(100))"));
        });
    }

    @AfterEach
    void dropTables() {
        db.reset();
    }

    private long count(String table) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT count(*) FROM " + table)).scalar(Long.class);
        }
    }

    /** The database's wording for a failure; the exception's class is the same everywhere. */
    private String says(String onSqlite, String onPostgresql, String onMariadb) {
        return db.isSqlite() ? onSqlite : db.isPostgresql() ? onPostgresql : onMariadb;
    }

    @Test
    void executesTextWithNamedParametersAndReadsRows() {
        try (Connection conn = engine.connect()) {
            conn.execute(
                    text("INSERT INTO users (name, email) VALUES (:name, :email)"),
                    Map.of("name", "Alice", "email", "a@x.org"));
            Result result =
                    conn.execute(text("SELECT id, name, email FROM users WHERE name = :name"), Map.of("name", "Alice"));
            assertThat(result.keys()).containsExactly("id", "name", "email");
            Row row = result.one();
            assertThat(row.get("id")).isEqualTo(1);
            assertThat(row.get(1)).isEqualTo("Alice");
            assertThat(row.get("email", String.class)).isEqualTo("a@x.org");
            assertThat(row.get("id", Long.class)).isEqualTo(1L);
            assertThat(row.asMap()).containsEntry("name", "Alice");
            assertThat(row.toString()).isEqualTo("(1, 'Alice', 'a@x.org')");
        }
    }

    @Test
    void aParameterUsedTwiceIsBoundTwice() {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT :x AS a, :x AS b"), Map.of("x", "same"))
                    .one();
            assertThat(row.get("a")).isEqualTo("same");
            assertThat(row.get("b")).isEqualTo("same");
        }
    }

    @Test
    void executemanyInsertsEveryParameterSetInOneBatch() {
        List<StatementEvent> events = new CopyOnWriteArrayList<>();
        engine.addStatementListener(events::add);
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(
                    text("INSERT INTO users (name) VALUES (:name)"),
                    List.of(Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "c")));
            assertThat(result.rowcount()).isEqualTo(3);
            conn.commit();
        }
        assertThat(events).hasSize(1);
        assertThat(events.get(0).batchSize()).isEqualTo(3);
        assertThat(count("users")).isEqualTo(3);
    }

    @Test
    void closingWithoutCommitRollsBack() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('gone')"));
            assertThat(conn.inTransaction()).isTrue();
        }
        assertThat(count("users")).isZero();
    }

    @Test
    void commitAsYouGoAndRollback() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('kept')"));
            conn.commit();
            assertThat(conn.inTransaction()).isFalse();
            conn.execute(text("INSERT INTO users (name) VALUES ('dropped')"));
            conn.rollback();
            assertThat(conn.execute(text("SELECT name FROM users")).scalars()).containsExactly("kept");
        }
    }

    @Test
    void explicitTransactionRollsBackWhenClosedWithoutCommit() {
        try (Connection conn = engine.connect()) {
            try (Transaction tx = conn.begin()) {
                conn.execute(text("INSERT INTO users (name) VALUES ('a')"));
                assertThat(tx.isActive()).isTrue();
            }
            try (Transaction tx = conn.begin()) {
                conn.execute(text("INSERT INTO users (name) VALUES ('b')"));
                tx.commit();
                assertThat(tx.isActive()).isFalse();
            }
        }
        assertThat(count("users")).isEqualTo(1);
    }

    @Test
    void beginTwiceIsAnError() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("SELECT 1"));
            assertThatThrownBy(conn::begin)
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("already begun");
        }
    }

    @Test
    void savepointRollsBackOnlyWhatFollowedIt() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('outer')"));
            Transaction nested = conn.beginNested();
            conn.execute(text("INSERT INTO users (name) VALUES ('inner')"));
            nested.rollback();
            Transaction kept = conn.beginNested();
            conn.execute(text("INSERT INTO users (name) VALUES ('inner2')"));
            kept.commit();
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT name FROM users ORDER BY id")).scalars())
                    .containsExactly("outer", "inner2");
        }
    }

    @Test
    void aSavepointRecoversFromAFailedStatementOnEveryDatabase() {
        try (Connection conn = engine.begin()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('a')"));
            Transaction savepoint = conn.beginNested();
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO users (name) VALUES ('a')")))
                    .isInstanceOf(IntegrityError.class);
            savepoint.rollback();
            conn.execute(text("INSERT INTO users (name) VALUES ('b')"));
        } // commits: the failure was undone with its savepoint
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT name FROM users ORDER BY name"))
                            .scalars())
                    .containsExactly("a", "b");
        }
    }

    @Test
    void engineBeginCommitsOnCloseAndRollsBackAfterAFailedStatement() {
        try (Connection conn = engine.begin()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('a')"));
        }
        assertThat(count("users")).isEqualTo(1);
        assertThatThrownBy(() -> {
                    try (Connection conn = engine.begin()) {
                        conn.execute(text("INSERT INTO users (name) VALUES ('b')"));
                        conn.execute(text("INSERT INTO users (name) VALUES ('a')")); // duplicate
                    }
                })
                .isInstanceOf(IntegrityError.class);
        assertThat(count("users")).isEqualTo(1);
    }

    @Test
    void aFailedBatchLeavesNothingHalfWritten() {
        assertThatThrownBy(() -> engine.useTransaction(conn -> conn.execute(
                        text("INSERT INTO users (name) VALUES (:name)"),
                        List.of(Map.of("name", "x"), Map.of("name", "y"), Map.of("name", "x")))))
                .isInstanceOf(IntegrityError.class)
                .hasMessageContaining(says("UNIQUE constraint failed", "duplicate key value", "Duplicate entry 'x'"))
                .hasMessageContaining("[SQL: INSERT INTO users (name) VALUES (?)]");
        assertThat(count("users")).isZero();
    }

    @Test
    void useTransactionRollsBackWhenTheWorkThrows() {
        assertThatThrownBy(() -> engine.useTransaction(conn -> {
                    conn.execute(text("INSERT INTO users (name) VALUES ('a')"));
                    throw new IllegalStateException("application failure");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count("users")).isZero();
        Long changed = engine.inTransaction(conn ->
                conn.execute(text("INSERT INTO users (name) VALUES ('b')")).rowcount());
        assertThat(changed).isEqualTo(1L);
        assertThat(count("users")).isEqualTo(1);
    }

    @Test
    void constraintViolationIsAnIntegrityErrorNamingSqlAndParameters() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES (:n)"), Map.of("n", "Alice"));
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO users (name) VALUES (:n)"), Map.of("n", "Alice")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining(says(
                            "UNIQUE constraint failed: users.name",
                            "duplicate key value violates unique constraint \"users_name_key\"",
                            "Duplicate entry 'Alice' for key 'name'"))
                    .hasMessageContaining("[SQL: INSERT INTO users (name) VALUES (?)]")
                    .hasMessageContaining("[parameters: [Alice]]")
                    .hasCauseInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO addresses (user_id, email) VALUES (42, 'x')")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining(says(
                            "FOREIGN KEY constraint failed",
                            "violates foreign key constraint",
                            "a foreign key constraint fails"));
        }
    }

    @Test
    void syntaxErrorAndUnknownTableAreProgrammingErrors() {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELEC 1")))
                    .isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining(says("syntax error", "syntax error", "error in your SQL syntax"))
                    .hasMessageContaining("[SQL: SELEC 1]");
            conn.rollback();
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM nope")))
                    .isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining(
                            says("no such table: nope", "relation \"nope\" does not exist", ".nope' doesn't exist"));
        }
    }

    @Test
    void missingParameterIsAnArgumentError() {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM users WHERE name = :name")))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("parameter 'name'");
        }
    }

    @Test
    void hiddenParametersStayOutOfErrors() {
        try (Connection conn =
                db.createEngine(EngineOptions.defaults().hideParameters(true)).connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES (:n)"), Map.of("n", "secret-value"));
            assertThatThrownBy(() ->
                            conn.execute(text("INSERT INTO users (name) VALUES (:n)"), Map.of("n", "secret-value")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageNotContaining("secret-value");
            conn.rollback();
            assertThatThrownBy(() -> conn.execute(
                            text("INSERT INTO users (name) VALUES (:n)"),
                            List.of(Map.of("n", "batch-secret"), Map.of("n", "batch-secret"))))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageNotContaining("batch-secret");
        }
    }

    @Test
    void hostileValuesAreAlwaysBound() {
        List<String> hostile = new ArrayList<>(List.of(
                "Robert'); DROP TABLE users;--",
                "' OR '1'='1",
                "\"; DELETE FROM users; --",
                "x".repeat(1 << 20),
                "emoji 🎉 and ünïcödé",
                ":name",
                "?",
                "$1",
                "E'\\\\x00'"));
        try (Connection conn = engine.connect()) {
            for (int i = 0; i < hostile.size(); i++) {
                conn.execute(
                        text("INSERT INTO users (name, email) VALUES (:n, :e)"),
                        Map.of("n", "u" + i, "e", hostile.get(i)));
            }
            String nul = "a\u0000b";
            if (!db.isPostgresql()) { // SQLite's and MariaDB's text hold NUL
                conn.execute(text("INSERT INTO users (name, email) VALUES ('nul', :e)"), Map.of("e", nul));
                hostile.add(nul);
            } else {
                // PostgreSQL's text cannot hold NUL at all: the value is refused, not cut short
                Transaction savepoint = conn.beginNested();
                assertThatThrownBy(() -> conn.execute(
                                text("INSERT INTO users (name, email) VALUES ('nul', :e)"), Map.of("e", nul)))
                        .isInstanceOf(DataError.class);
                savepoint.rollback();
            }
            conn.commit();
            for (int i = 0; i < hostile.size() - (db.isPostgresql() ? 0 : 1); i++) {
                assertThat(conn.execute(text("SELECT email FROM users WHERE name = :n"), Map.of("n", "u" + i))
                                .scalar())
                        .isEqualTo(hostile.get(i));
            }
            if (!db.isPostgresql()) {
                assertThat(conn.execute(text("SELECT email FROM users WHERE name = 'nul'"))
                                .scalar())
                        .isEqualTo(nul);
            }
            assertThat(conn.execute(text("SELECT count(*) FROM users WHERE email = :e"), Map.of("e", "' OR '1'='1"))
                            .scalar(Integer.class))
                    .isEqualTo(1);
        }
        assertThat(count("users")).isEqualTo(hostile.size());
    }

    @Test
    void colonsInQuotesCommentsAndCastsAreNotParameters() {
        TextClause clause = text("SELECT ':notparam' AS a, 1 AS b -- :comment\n, :real AS c /* :x */");
        assertThat(clause.parameterNames()).containsExactly("real");
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(clause.bind("real", 3)).one();
            assertThat(row.get("a")).isEqualTo(":notparam");
            assertThat(row.get("c")).isEqualTo(3);
            assertThat(conn.execute(text("SELECT CAST(:n AS INTEGER) + 1"), Map.of("n", "41"))
                            .scalar(Integer.class))
                    .isEqualTo(42);
        }
    }

    enum Mood {
        HAPPY,
        SAD
    }

    @Test
    void javaValuesRoundTripThroughTypedColumns() {
        LocalDateTime when = LocalDateTime.of(2024, 1, 31, 12, 30, 5, 123_000);
        OffsetDateTime stamped = OffsetDateTime.of(2024, 1, 31, 12, 30, 5, 0, ZoneOffset.ofHours(2));
        UUID id = UUID.fromString("12345678-1234-5678-1234-567812345678");
        String uuidType = db.isSqlite() ? "CHAR(32)" : "UUID";
        String binaryType = db.isSqlite() ? "BLOB" : db.isMariadb() ? "LONGBLOB" : "BYTEA";
        // MariaDB: DATETIME(6) and TIME(6) keep fractions of a second (TIMESTAMP and TIME alone round them away), and
        // there is no TIMESTAMP WITH TIME ZONE: an aware value is stored as its UTC wall time, as the dialect does
        String dateTimes = db.isMariadb()
                ? "dt DATETIME(6), tz DATETIME(6), d DATE, t TIME(6)"
                : "dt TIMESTAMP, tz TIMESTAMP WITH TIME ZONE, d DATE, t TIME";
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE vals (" + dateTimes + ","
                    + " b BOOLEAN, u " + uuidType + ", n NUMERIC(10, 2), e VARCHAR(10), bin " + binaryType
                    + ", i BIGINT, f DOUBLE PRECISION)"));
            Map<String, Object> values = new HashMap<>();
            values.put("dt", when);
            values.put("tz", stamped);
            values.put("d", LocalDate.of(2024, 1, 31));
            values.put("t", LocalTime.of(8, 5, 30, 250_000_000));
            values.put("b", true);
            values.put("u", id);
            values.put("n", new BigDecimal("12.50"));
            values.put("e", Mood.HAPPY);
            values.put("bin", new byte[] {0, 1, (byte) 0xff});
            values.put("i", Long.MAX_VALUE);
            values.put("f", 0.5d);
            conn.execute(text("INSERT INTO vals VALUES (:dt, :tz, :d, :t, :b, :u, :n, :e, :bin, :i, :f)"), values);
            Row row = conn.execute(text("SELECT * FROM vals")).one();
            assertThat(row.get("dt", LocalDateTime.class)).isEqualTo(when);
            if (db.isMariadb()) {
                // a DATETIME has no offset: text SQL reads back the UTC wall time the value was bound as
                assertThat(row.get("tz", LocalDateTime.class))
                        .isEqualTo(stamped.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
            } else {
                assertThat(row.get("tz", OffsetDateTime.class).toInstant()).isEqualTo(stamped.toInstant());
                assertThat(row.get("tz", Instant.class)).isEqualTo(stamped.toInstant());
            }
            assertThat(row.get("d", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 31));
            assertThat(row.get("t", LocalTime.class)).isEqualTo(LocalTime.of(8, 5, 30, 250_000_000));
            assertThat(row.get("b", Boolean.class)).isTrue();
            assertThat(row.get("u", UUID.class)).isEqualTo(id);
            assertThat(row.get("n", BigDecimal.class)).isEqualByComparingTo("12.50");
            assertThat(row.get("e", Mood.class)).isEqualTo(Mood.HAPPY);
            assertThat(row.get("bin")).isEqualTo(new byte[] {0, 1, (byte) 0xff});
            assertThat(row.get("i", Long.class)).isEqualTo(Long.MAX_VALUE);
            assertThat(row.get("f", Double.class)).isEqualTo(0.5d);

            assertThat(conn.execute(
                                    text("SELECT count(*) FROM vals WHERE d = :d AND u = :u AND e = :e"),
                                    Map.of("d", LocalDate.of(2024, 1, 31), "u", id, "e", Mood.HAPPY))
                            .scalar(Integer.class))
                    .isEqualTo(1);
        }
    }

    @Test
    void jdbcDateAndTimeValuesBindAsTheirWallClockValues() {
        try (Connection conn = engine.connect()) {
            // MariaDB's TIMESTAMP alone has no fraction of a second (it would round .123456 away): DATETIME(6)
            conn.execute(text(
                    "CREATE TABLE legacy (d DATE, t TIME, ts " + (db.isMariadb() ? "DATETIME(6)" : "TIMESTAMP") + ")"));
            conn.execute(
                    text("INSERT INTO legacy VALUES (:d, :t, :ts)"),
                    Map.of(
                            "d", java.sql.Date.valueOf("2024-01-31"),
                            "t", java.sql.Time.valueOf("08:05:30"),
                            "ts", java.sql.Timestamp.valueOf("2024-01-31 12:30:05.123456")));
            Row row = conn.execute(text("SELECT * FROM legacy")).one();
            assertThat(row.get("d", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 31));
            assertThat(row.get("t", LocalTime.class)).isEqualTo(LocalTime.of(8, 5, 30));
            assertThat(row.get("ts", LocalDateTime.class))
                    .isEqualTo(LocalDateTime.of(2024, 1, 31, 12, 30, 5, 123_456_000));
        }
    }

    @Test
    void resultHelpers() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('a'), ('b')"));
            Result none = conn.execute(text("SELECT name FROM users WHERE 1 = 0"));
            assertThat(none.first()).isNull();
            assertThat(none.oneOrNone()).isNull();
            assertThat(none.scalar()).isNull();
            assertThatThrownBy(none::one).isInstanceOf(NoResultFound.class);
            Result two = conn.execute(text("SELECT name FROM users ORDER BY name"));
            assertThatThrownBy(two::one).isInstanceOf(MultipleResultsFound.class);
            assertThatThrownBy(two::oneOrNone).isInstanceOf(MultipleResultsFound.class);
            assertThat(two.all()).hasSize(2);
            assertThat(two.stream().map(r -> r.get(0))).containsExactly("a", "b");
            assertThat(two.returnsRows()).isTrue();
            assertThatThrownBy(() -> two.first().get("missing"))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("columns: [name]");
            Result update = conn.execute(text("UPDATE users SET email = 'x'"));
            assertThat(update.rowcount()).isEqualTo(2);
            assertThat(update.returnsRows()).isFalse();
        }
    }

    @Test
    void useAfterCloseFailsClearly() {
        Connection conn = engine.connect();
        conn.close();
        conn.close(); // harmless
        assertThatThrownBy(() -> conn.execute(text("SELECT 1"))).isInstanceOf(ResourceClosedError.class);
        engine.dispose();
        assertThat(engine.isDisposed()).isTrue();
        assertThatThrownBy(engine::connect)
                .isInstanceOf(ResourceClosedError.class)
                .hasMessageContaining("disposed");
    }

    @Test
    void poolExhaustionIsATimelyPoolTimeoutError() {
        Engine small = db.createEngine(EngineOptions.defaults().poolSize(1).connectionTimeout(Duration.ofMillis(300)));
        try (Connection held = small.connect()) {
            long start = System.nanoTime();
            assertThatThrownBy(small::connect)
                    .isInstanceOf(PoolTimeoutError.class)
                    .hasMessageContaining("poolSize");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(held.isClosed()).isFalse();
        }
    }

    @Test
    void engineIsSharedSafelyBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        int n = i;
                        engine.useTransaction(conn -> conn.execute(
                                text("INSERT INTO users (name) VALUES (:n)"), Map.of("n", "t" + thread + "-" + n)));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("users")).isEqualTo(100);
    }

    @Test
    void statementListenerCountsStatements() {
        AtomicInteger statements = new AtomicInteger();
        StatementListener listener = event -> statements.incrementAndGet();
        engine.addStatementListener(listener);
        try (Connection conn = engine.connect()) {
            conn.execute(text("SELECT 1"));
            conn.execute(text("SELECT 2"));
        }
        engine.removeStatementListener(listener);
        try (Connection conn = engine.connect()) {
            conn.execute(text("SELECT 3"));
        }
        assertThat(statements).hasValue(2);
    }

    @Test
    void echoLogsStatementsAndParametersAtInfo() {
        try (LogCapture log = LogCapture.of("dev.alchemy.engine", Level.DEBUG)) {
            Engine echo = db.createEngine(EngineOptions.defaults().echo(true));
            try (Connection conn = echo.connect()) {
                conn.execute(text("INSERT INTO users (name) VALUES (:n)"), Map.of("n", "Alice"));
                conn.execute(
                        text("INSERT INTO users (name) VALUES (:n)"), List.of(Map.of("n", "Bob"), Map.of("n", "Eve")));
                conn.commit();
            }
            assertThat(log.messages(Level.INFO))
                    .containsExactly(
                            "BEGIN (implicit)",
                            "INSERT INTO users (name) VALUES (?)",
                            "[parameters] [Alice]",
                            "INSERT INTO users (name) VALUES (?)",
                            "[executemany: 2 parameter sets] [[Bob], [Eve]]",
                            "COMMIT");
        }
    }

    @Test
    void withoutEchoStatementsAreLoggedOnlyAtDebug() {
        try (LogCapture log = LogCapture.of("dev.alchemy.engine", Level.DEBUG)) {
            try (Connection conn = engine.connect()) {
                conn.execute(text("SELECT :x AS x"), Map.of("x", 1));
            }
            assertThat(log.messages(Level.INFO)).isEmpty();
            assertThat(log.messages(Level.DEBUG)).contains("SELECT ? AS x", "[parameters] [1]");
        }
    }

    @Test
    void hideParametersKeepsValuesOutOfTheEcho() {
        try (LogCapture log = LogCapture.of("dev.alchemy.engine", Level.DEBUG)) {
            Engine echo = db.createEngine(EngineOptions.defaults().echo(true).hideParameters(true));
            try (Connection conn = echo.connect()) {
                conn.execute(text("INSERT INTO users (name) VALUES (:n)"), Map.of("n", "secret-value"));
                conn.execute(
                        text("INSERT INTO users (name) VALUES (:n)"),
                        List.of(Map.of("n", "secret-1"), Map.of("n", "secret-2")));
            }
            assertThat(log.messages(Level.INFO))
                    .contains(
                            "INSERT INTO users (name) VALUES (?)", "[SQL parameters hidden due to hideParameters=true]")
                    .noneMatch(message -> message.contains("secret"));
        }
    }

    @Test
    void theDialectIsTheDatabases() {
        assertThat(engine.dialect().name()).isEqualTo(db.kind().dialectName());
        try (Engine byJdbcUrl = createEngine(db.jdbcUrl() + (db.isPostgresql() ? "?user=" + db.username() : ""));
                Connection conn = byJdbcUrl.connect()) {
            assertThat(byJdbcUrl.dialect().name()).isEqualTo(db.kind().dialectName());
            assertThat(conn.execute(text("SELECT count(*) FROM users")).scalar(Integer.class))
                    .isZero();
        }
    }
}
