package dev.alchemy.engine;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.DataError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.OperationalError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only SQLite does: WAL and the busy timeout of a file database, "database is locked", values stored as
 * SQLAlchemy stores them, file URLs. The behaviour every database shares is in {@link EngineTest}.
 */
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

    @Test
    void aFailedStatementLeavesTheTransactionUsable() {
        // unlike PostgreSQL (see PostgresqlEngineTest), SQLite undoes only the failed statement
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('a')"));
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO users (name) VALUES ('a')")))
                    .isInstanceOf(IntegrityError.class);
            conn.execute(text("INSERT INTO users (name) VALUES ('b')"));
            conn.commit();
            assertThat(conn.execute(text("SELECT count(*) FROM users")).scalar(Integer.class))
                    .isEqualTo(2);
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
            // a stored value that does not fit the type asked for is a DataError naming the column
            assertThatThrownBy(() -> row.get("d", Integer.class))
                    .isInstanceOf(DataError.class)
                    .hasMessageContaining("cannot read column d: cannot convert String '2024-01-31' to Integer");
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
}
