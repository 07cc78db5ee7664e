package dev.alchemy.boot.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code alchemy.immediate-transactions=true}, a read-write transaction holds SQLite's write lock from its start
 * (a writer elsewhere waits until it ends), and a read-only one does not (a writer goes ahead).
 */
@SpringBootTest(classes = ConflictApp.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImmediateTransactionBeginnerTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("immediate.db"));
        registry.add("alchemy.immediate-transactions", () -> "true");
    }

    @Autowired
    Documents documents;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** Holds a transaction open until released, having run one SELECT, and tells when a writer finished meanwhile. */
    private boolean writerFinishedWhileOpen(boolean readOnly) throws Exception {
        int id = documents.create("doc").id;
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setReadOnly(readOnly);
        CountDownLatch open = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> template.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT count(*) FROM documents", Integer.class);
            open.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(open.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> documents.addNote(id, "meanwhile"));
        boolean finished;
        try {
            writer.get(1, TimeUnit.SECONDS);
            finished = true;
        } catch (java.util.concurrent.TimeoutException e) {
            finished = false;
        }
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(writer.get(10, TimeUnit.SECONDS)).isPositive(); // it gets through once the holder has ended
        return finished;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReadWriteTransactionHoldsTheWriteLockFromItsStart() throws Exception {
        assertThat(writerFinishedWhileOpen(false)).isFalse();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReadOnlyTransactionLeavesTheLockFree() throws Exception {
        assertThat(writerFinishedWhileOpen(true)).isTrue();
    }
}
