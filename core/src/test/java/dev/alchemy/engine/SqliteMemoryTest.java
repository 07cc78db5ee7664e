package dev.alchemy.engine;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SqliteMemoryTest {

    @Test
    void memoryDatabaseIsSharedByEveryPooledConnection() throws Exception {
        try (Engine engine = createEngine("sqlite:///:memory:")) {
            engine.useTransaction(conn -> conn.execute(text("CREATE TABLE t (x INTEGER)")));
            CountDownLatch bothOpen = new CountDownLatch(2);
            Runnable reader = () -> {
                try (Connection conn = engine.connect()) {
                    bothOpen.countDown();
                    bothOpen.await(10, TimeUnit.SECONDS); // two connections open at the same time
                    assertThat(conn.execute(text("SELECT count(*) FROM t")).scalar(Integer.class))
                            .isZero();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            CompletableFuture.allOf(CompletableFuture.runAsync(reader), CompletableFuture.runAsync(reader))
                    .get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void memoryDatabaseOutlivesItsConnectionsUntilDispose() {
        Engine engine = createEngine("sqlite://");
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE t (x INTEGER)"));
            conn.execute(text("INSERT INTO t VALUES (1)"));
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT x FROM t")).scalar()).isEqualTo(1);
            assertThat(conn.execute(text("PRAGMA foreign_keys")).scalar()).isEqualTo(1);
        }
        engine.dispose();
        try (Engine other = createEngine("sqlite:///:memory:");
                Connection conn = other.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar(Integer.class))
                    .isZero();
        }
    }

    @Test
    void jdbcMemoryUrlIsSharedToo() {
        try (Engine engine = createEngine("jdbc:sqlite::memory:")) {
            engine.useTransaction(conn -> conn.execute(text("CREATE TABLE t (x INTEGER)")));
            try (Connection a = engine.connect();
                    Connection b = engine.connect()) {
                assertThat(a.execute(text("SELECT count(*) FROM t")).scalar(Integer.class))
                        .isZero();
                assertThat(b.execute(text("SELECT count(*) FROM t")).scalar(Integer.class))
                        .isZero();
            }
        }
    }
}
