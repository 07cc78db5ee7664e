package dev.alchemy.engine;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.MultipleResultsFound;
import dev.alchemy.exc.NoResultFound;
import dev.alchemy.exc.NoSuchModuleError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.PoolTimeoutError;
import dev.alchemy.exc.ProgrammingError;
import dev.alchemy.exc.ResourceClosedError;
import dev.alchemy.sql.TextClause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEngineTest {

    @TempDir
    Path dir;

    Engine engine;

    @BeforeEach
    void createTable() {
        engine = createEngine("sqlite:///" + dir.resolve("test.db"));
        engine.useTransaction(conn -> {
            conn.execute(
                    text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL UNIQUE, email VARCHAR)"));
            conn.execute(
                    text(
                            "CREATE TABLE addresses (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), email VARCHAR)"));
        });
    }

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    private long count(String table) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT count(*) FROM " + table)).scalar(Long.class);
        }
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
    void executemanyInsertsEveryParameterSetInOneBatch() {
        List<StatementEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
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
                    .hasMessageContaining("UNIQUE constraint failed: users.name")
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
                    .hasMessageContaining("FOREIGN KEY constraint failed");
        }
    }

    @Test
    void fileDatabaseUsesWal() {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("PRAGMA journal_mode")).scalar()).isEqualTo("wal");
            assertThat(conn.execute(text("PRAGMA busy_timeout")).scalar(Integer.class))
                    .isEqualTo(5000);
        }
    }

    @Test
    void syntaxErrorAndUnknownTableAreProgrammingErrors() {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELEC 1")))
                    .isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("syntax error")
                    .hasMessageContaining("[SQL: SELEC 1]");
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM nope")))
                    .isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("no such table: nope");
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
        try (Engine quiet = createEngine(
                        "sqlite:///" + dir.resolve("test.db"),
                        EngineOptions.defaults().hideParameters(true));
                Connection conn = quiet.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES (:n)"), Map.of("n", "secret-value"));
            assertThatThrownBy(() ->
                            conn.execute(text("INSERT INTO users (name) VALUES (:n)"), Map.of("n", "secret-value")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageNotContaining("secret-value");
        }
    }

    @Test
    void hostileValuesAreAlwaysBound() {
        String[] hostile = {
            "Robert'); DROP TABLE users;--",
            "' OR '1'='1",
            "\"; DELETE FROM users; --",
            "a\u0000b",
            "x".repeat(1 << 20),
            "emoji 🎉 and ünïcödé",
            ":name",
            "?"
        };
        try (Connection conn = engine.connect()) {
            for (int i = 0; i < hostile.length; i++) {
                conn.execute(
                        text("INSERT INTO users (name, email) VALUES (:n, :e)"), Map.of("n", "u" + i, "e", hostile[i]));
            }
            conn.commit();
            for (int i = 0; i < hostile.length; i++) {
                assertThat(conn.execute(text("SELECT email FROM users WHERE name = :n"), Map.of("n", "u" + i))
                                .scalar())
                        .isEqualTo(hostile[i]);
            }
            assertThat(conn.execute(text("SELECT count(*) FROM users WHERE email = :e"), Map.of("e", "' OR '1'='1"))
                            .scalar(Integer.class))
                    .isEqualTo(1);
        }
        assertThat(count("users")).isEqualTo(hostile.length);
    }

    @Test
    void colonsInQuotesCommentsAndCastsAreNotParameters() {
        TextClause clause = text("SELECT ':notparam' AS a, 1 AS b -- :comment\n, :real AS c /* :x */");
        assertThat(clause.parameterNames()).containsExactly("real");
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(clause.bind("real", 3)).one();
            assertThat(row.get("a")).isEqualTo(":notparam");
            assertThat(row.get("c")).isEqualTo(3);
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
    void untypedJavaValuesAreStoredAsSqlalchemyStoresThem() {
        LocalDateTime when = LocalDateTime.of(2024, 1, 31, 12, 30, 5, 123_000);
        UUID id = UUID.fromString("12345678-1234-5678-1234-567812345678");
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(
                            text("SELECT :dt AS dt, :d AS d, :t AS t, :b AS b, :u AS u"),
                            Map.of(
                                    "dt",
                                    when,
                                    "d",
                                    LocalDate.of(2024, 1, 31),
                                    "t",
                                    LocalTime.of(8, 5),
                                    "b",
                                    true,
                                    "u",
                                    id))
                    .one();
            assertThat(row.get("dt")).isEqualTo("2024-01-31 12:30:05.000123");
            assertThat(row.get("d")).isEqualTo("2024-01-31");
            assertThat(row.get("t")).isEqualTo("08:05:00.000000");
            assertThat(row.get("b")).isEqualTo(1);
            assertThat(row.get("u")).isEqualTo("12345678123456781234567812345678");
            assertThat(row.get("dt", LocalDateTime.class)).isEqualTo(when);
            assertThat(row.get("d", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 31));
            assertThat(row.get("t", LocalTime.class)).isEqualTo(LocalTime.of(8, 5));
            assertThat(row.get("b", Boolean.class)).isTrue();
            assertThat(row.get("u", UUID.class)).isEqualTo(id);
            assertThatThrownBy(() -> row.get("d", Integer.class))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("cannot convert String '2024-01-31' to Integer");
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
        try (Engine small = createEngine(
                        "sqlite:///" + dir.resolve("small.db"),
                        EngineOptions.defaults().poolSize(1).connectionTimeout(Duration.ofMillis(300)));
                Connection held = small.connect()) {
            long start = System.nanoTime();
            assertThatThrownBy(small::connect)
                    .isInstanceOf(PoolTimeoutError.class)
                    .hasMessageContaining("poolSize");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(held.isClosed()).isFalse();
        }
    }

    @Test
    void lockedDatabaseIsAnOperationalErrorAfterTheBusyTimeout() {
        try (Engine fast = createEngine(
                        "sqlite:///" + dir.resolve("test.db"),
                        EngineOptions.defaults().busyTimeout(Duration.ofMillis(100)));
                Connection writer = fast.connect();
                Connection other = fast.connect()) {
            writer.execute(text("INSERT INTO users (name) VALUES ('w')"));
            assertThatThrownBy(() -> other.execute(text("INSERT INTO users (name) VALUES ('o')")))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("locked");
        }
    }

    @Test
    void unknownDialectListsTheKnownOnes() {
        assertThatThrownBy(() -> createEngine("sqllite:///x.db"))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("unknown dialect 'sqllite' in 'sqllite:///x.db'; known: sqlite, postgresql");
    }

    @Test
    void missingDriverNamesTheArtifact() {
        // core's tests have no PostgreSQL driver on the classpath
        assertThatThrownBy(() -> createEngine("postgresql://scott:tiger@localhost/app"))
                .isInstanceOf(NoSuchModuleError.class)
                .hasMessageContaining("org.postgresql:postgresql");
    }

    @Test
    void sqliteUrlWithAHostIsRejected() {
        assertThatThrownBy(() -> createEngine("sqlite://localhost/x.db"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("names a file");
    }

    @Test
    void unopenableFileIsAnOperationalError() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        try (Engine bad = createEngine("sqlite:///" + notADir.resolve("x.db"))) {
            assertThatThrownBy(bad::connect).isInstanceOf(OperationalError.class);
        }
    }

    @Test
    void engineIsSharedSafelyBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
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
}
