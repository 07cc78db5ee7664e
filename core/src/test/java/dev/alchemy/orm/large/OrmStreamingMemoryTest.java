package dev.alchemy.orm.large;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A million {@link Event} rows of 100 characters are exported through the ORM, {@code Query.stream()} with
 * {@code yieldPer(1000).expungeEachBatch()}, in a child JVM whose heap is 64 MB ({@link OrmStreamingMemoryChild}):
 * the objects are built a batch at a time from a cursor and leave the session with their batch. The same stream
 * keeping its objects in the session runs out of that heap, which shows the limit is tight enough to mean
 * something; each database's driver must really stream (MariaDB Connector/J reads a result with a fetch size in
 * batches). The rows are made by one INSERT ... SELECT, as in the Core test ({@code StreamingMemoryTest}).
 */
@OnDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrmStreamingMemoryTest {

    static final int ROWS = 1_000_000;
    static final long SUM = (long) ROWS * (ROWS + 1) / 2;

    @Parameter
    TestDatabase db;

    @TempDir
    Path dir;

    /** The database that has its rows (kept by {@code PER_CLASS}; each invocation of the class has its own). */
    TestDatabase filled;

    @BeforeEach
    void fill() {
        if (filled == db) {
            return;
        }
        filled = db;
        Engine engine = db.createEngine();
        engine.useTransaction(conn -> {
            // UNLOGGED: PostgreSQL writes the million rows without its write-ahead log, a few seconds less
            conn.execute(text((db.isPostgresql() ? "CREATE UNLOGGED TABLE" : "CREATE TABLE")
                    + " big_events (id BIGINT PRIMARY KEY, payload VARCHAR(100) NOT NULL)"));
            if (db.isSqlite()) {
                conn.execute(
                        text("INSERT INTO big_events (id, payload) "
                                + "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < :rows) "
                                + "SELECT x, printf('%0100d', x) FROM n"),
                        java.util.Map.of("rows", ROWS));
            } else if (db.isMariadb()) {
                // MariaDB's SEQUENCE engine: seq_1_to_N is a table of the numbers 1 to N
                conn.execute(text(
                        "INSERT INTO big_events (id, payload) SELECT seq, lpad(seq, 100, '0') FROM seq_1_to_" + ROWS));
            } else {
                conn.execute(
                        text("INSERT INTO big_events (id, payload) "
                                + "SELECT x, lpad(x::text, 100, '0') FROM generate_series(1, :rows) AS x"),
                        java.util.Map.of("rows", ROWS));
            }
        });
        engine.dispose();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aMillionObjectsAreExportedThroughA64MbHeap() throws Exception {
        String out = runChild("expunge");
        assertThat(out).contains("ROWS " + ROWS + " SUM " + SUM + " ");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void keptInTheSessionTheSameObjectsDoNotFitThatHeap() throws Exception {
        // the control is the same ORM work on every database; once is enough to show the heap is tight
        org.junit.jupiter.api.Assumptions.assumeTrue(db.isSqlite(), "the control runs on SQLite");
        assertThat(runChild("keep")).contains("OUT OF MEMORY");
    }

    private String runChild(String mode) throws Exception {
        Path stdout = dir.resolve(mode + ".out");
        Path stderr = dir.resolve(mode + ".err");
        Process child = new ProcessBuilder(
                        Path.of(
                                        System.getProperty("java.home"),
                                        "bin",
                                        "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                                .toString(),
                        "-Xmx64m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Dorg.sqlite.tmpdir=" + dir,
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrmStreamingMemoryChild.class.getName(),
                        db.url(),
                        mode)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!child.waitFor(150, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child did not finish; its stderr: " + Files.readString(stderr));
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        assertThat(out)
                .as("the child's output (exit status %d, stderr: %s)", child.exitValue(), tail(stderr))
                .containsAnyOf("ROWS ", "OUT OF MEMORY");
        return out;
    }

    private static String tail(Path file) throws java.io.IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
