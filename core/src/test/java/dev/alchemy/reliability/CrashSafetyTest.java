package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit is all or nothing, even when the process dies: a child JVM ({@link CrashChild}) commits batches through
 * the Session in a loop on an SQLite file and is killed with SIGKILL ({@link Process#destroyForcibly()}) at a random
 * moment, 50 times. After each kill the file passes {@code PRAGMA integrity_check}, every batch the child reported
 * committed is there whole, no batch is there in part, and the progress row names the last batch.
 */
class CrashSafetyTest {

    static final int KILLS = 50;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void killedMidCommitLosesNoCommittedBatchAndLeavesNoPartialOne() throws Exception {
        Path file = dir.resolve("crash.db");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<Long> reported = new TreeSet<>();
        int killedWhileWorking = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Path log = dir.resolve("child-" + kill + ".err");
            Process child = new ProcessBuilder(
                            javaBinary(),
                            "-Xshare:auto",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-Xmx128m",
                            // sqlite-jdbc unpacks its native library per process; a killed one leaves it behind
                            "-Dorg.sqlite.tmpdir=" + dir,
                            "-cp",
                            System.getProperty("java.class.path"),
                            CrashChild.class.getName(),
                            file.toString())
                    .redirectError(log.toFile())
                    .start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> readLines(child, lines), "crash-child-reader");
            reader.setDaemon(true);
            reader.start();
            String ready;
            do { // log lines may come first
                ready = lines.poll(60, TimeUnit.SECONDS);
            } while (ready != null && !ready.startsWith("READY"));
            if (ready == null) {
                child.destroyForcibly();
                fail("the child did not start; its output: %s%nits stderr:%n%s", lines, Files.readString(log));
            }
            // Most kills come once the child has committed a batch, at a random moment in its loop (mostly inside a
            // transaction or its commit); every fifth may come before the first commit. Waiting for that commit
            // rather than a fixed time keeps the kills mid-work on a machine busy with other builds, where the child
            // can take longer than the random sleep to reach its first commit.
            List<String> seen = new ArrayList<>();
            boolean working = kill % 5 == 0;
            while (!working) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                if (line == null) {
                    break;
                }
                seen.add(line);
                working = line.startsWith("COMMITTED ");
            }
            Thread.sleep(20 + random.nextInt(130));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            seen.addAll(lines);
            List<Long> committed = new ArrayList<>();
            for (String line : seen) {
                if (line.startsWith("COMMITTED ")) {
                    committed.add(Long.parseLong(line.substring("COMMITTED ".length())));
                }
            }
            if (!committed.isEmpty()) {
                killedWhileWorking++;
            }
            reported.addAll(committed);
            check(file, reported, "kill " + kill + ", seed " + seed);
        }
        assertThat(killedWhileWorking)
                .as("kills that came after at least one commit of the child")
                .isGreaterThan(KILLS / 2);
        assertThat(reported).isNotEmpty();
    }

    private static void readLines(Process child, BlockingQueue<String> lines) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the pipe breaks when the child is killed
        }
    }

    /** Opens the file as a new process would (recovering its WAL) and checks every promise. */
    private static void check(Path file, Set<Long> reported, String where) {
        try (Engine engine = Alchemy.createEngine("sqlite:///" + file);
                Connection conn = engine.connect()) {
            assertThat(conn.execute(text("PRAGMA integrity_check")).scalars(String.class))
                    .as(where)
                    .containsExactly("ok");
            assertThat(conn.execute(text("PRAGMA foreign_key_check")).all())
                    .as(where)
                    .isEmpty();
            Set<Long> present = new TreeSet<>();
            for (Row batch : conn.execute(text("""
                    SELECT b.id, b.size, count(i.id) AS items, count(DISTINCT i.seq) AS seqs,
                           min(i.seq) AS first, max(i.seq) AS last
                    FROM batches b LEFT JOIN items i ON i.batch = b.id
                    GROUP BY b.id, b.size"""))) {
                long id = batch.get("id", Long.class);
                int size = batch.get("size", Integer.class);
                assertThat(batch.get("items", Integer.class))
                        .as("%s: items of batch %d", where, id)
                        .isEqualTo(size);
                assertThat(batch.get("seqs", Integer.class)).isEqualTo(size);
                assertThat(batch.get("first", Integer.class)).isEqualTo(0);
                assertThat(batch.get("last", Integer.class)).isEqualTo(size - 1);
                present.add(id);
            }
            assertThat(conn.execute(text("SELECT count(*) FROM items WHERE batch NOT IN (SELECT id FROM batches)"))
                            .scalar(Long.class))
                    .as("%s: items of a batch whose header is missing", where)
                    .isZero();
            assertThat(present).as(where).containsAll(reported);
            Long last = conn.execute(text("SELECT last_batch FROM progress WHERE id = 1"))
                    .scalar(Long.class);
            Long max = conn.execute(text("SELECT max(id) FROM batches")).scalar(Long.class);
            assertThat(last == null ? Long.valueOf(0) : last)
                    .as("%s: the progress row names the last batch", where)
                    .isEqualTo(max == null ? 0 : max);
            if (max != null) {
                assertThat(present)
                        .as("%s: batches are numbered without gaps", where)
                        .hasSize(max.intValue());
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
