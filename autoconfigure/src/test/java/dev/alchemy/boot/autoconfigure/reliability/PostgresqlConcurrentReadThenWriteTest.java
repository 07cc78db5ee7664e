package dev.alchemy.boot.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Engine;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ConcurrentReadThenWriteTest} on PostgreSQL, where its inherited test passes too (8 threads reading, then
 * inserting: all succeed, all rows there), with {@code alchemy.immediate-transactions=true} still set: PostgreSQL
 * ignores the property. What differs is the reason, and what it means for a read-modify-write. PostgreSQL takes no
 * lock for a read and runs transactions side by side at READ COMMITTED, so nothing waits and nothing fails, but two
 * transactions that read one row and then write it from what they read lose an update (the second UPDATE waits for
 * the first's row lock, then overwrites it). The tests line two such transactions up between their read and their
 * write and show the two cures the docs give: read with {@code session.getForUpdate} or {@code withForUpdate()} (the second read waits for the
 * first transaction to end, then sees its value), or give the model a {@code @Version} column (the second gets
 * {@code OptimisticLockingFailureException}).
 */
class PostgresqlConcurrentReadThenWriteTest extends ConcurrentReadThenWriteTest {

    static final TestDatabase db =
            TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "PostgresqlConcurrentReadThenWriteTest");

    @DynamicPropertySource
    static void postgresql(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Autowired
    Engine engine;

    @Autowired
    PlatformTransactionManager transactionManager;

    ExecutorService threads;

    @BeforeEach
    void startThreads() {
        threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void theApplicationRunsOnPostgresqlWithImmediateTransactionsSet() {
        assertThat(Dialect.of(engine).name()).isEqualTo("postgresql");
        assertThat(engine.options().immediateTransactions()).isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void immediateTransactionsTakeNoLockOnPostgresql() throws Exception {
        int id = documents.create("doc").id;
        CountDownLatch open = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            documents.addNote(id, "holder"); // a read-write transaction that has read and written
            open.countDown();
            await(release);
        }));
        try {
            assertThat(open.await(30, TimeUnit.SECONDS)).isTrue();
            // on SQLite with the property, this writer would wait for the holder's write lock until it ended
            Future<Integer> writer = threads.submit(() -> documents.addNote(id, "meanwhile"));
            assertThat(writer.get(30, TimeUnit.SECONDS)).isPositive();
            assertThat(holder).isNotDone();
        } finally {
            release.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoUnlockedReadThenWritesOfOneRowBothSucceedAndLoseAnUpdate() throws Exception {
        int id = documents.createCounter().id;
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        List<Future<?>> increments = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            increments.add(threads.submit(() -> {
                documents.incrementUnlocked(id, () -> await(bothHaveRead));
                return null;
            }));
        }
        for (Future<?> increment : increments) {
            increment.get(30, TimeUnit.SECONDS); // no exception: neither transaction fails
        }
        assertThat(documents.hits(id)).as("two increments, one lost").isEqualTo(1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void withForUpdateTheSecondReadWaitsForTheFirstWriteAndNothingIsLost() throws Exception {
        int id = documents.createCounter().id;
        CountDownLatch firstHasRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> {
            documents.incrementLocked(id, () -> {
                firstHasRead.countDown();
                await(release);
            });
            return null;
        });
        Future<?> second;
        try {
            assertThat(firstHasRead.await(30, TimeUnit.SECONDS)).isTrue();
            second = threads.submit(() -> {
                documents.incrementLocked(id, () -> {});
                return null;
            });
            awaitABackendWaitingForALock(second);
        } finally {
            release.countDown();
        }
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(documents.hits(id)).isEqualTo(2);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void eightThreadsIncrementingWithForUpdateLoseNothing() throws Exception {
        int id = documents.createCounter().id;
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(threads.submit(() -> {
                for (int i = 0; i < PER_THREAD; i++) {
                    documents.incrementLocked(id, () -> {});
                }
                return PER_THREAD;
            }));
        }
        for (Future<Integer> worker : workers) {
            assertThat(worker.get(100, TimeUnit.SECONDS)).isEqualTo(PER_THREAD);
        }
        assertThat(documents.hits(id)).isEqualTo(THREADS * PER_THREAD);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void withAVersionColumnTheSecondOfTwoReadThenWritesIsAnOptimisticLockingFailure() throws Exception {
        int id = documents.create("start").id;
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String name : List.of("left", "right")) {
            outcomes.add(ConcurrentVersionConflictTest.attempt(
                    threads, name, () -> documents.edit(id, name, () -> await(bothHaveRead))));
        }
        ConcurrentVersionConflictTest.assertExactlyOneWinner(jdbc, outcomes, id, 0);
    }

    /** Waits until a session of this database waits for a lock: the second transaction queues behind the first. */
    private void awaitABackendWaitingForALock(Future<?> stillRunning) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.queryForObject(
                        "SELECT count(*) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND wait_event_type = 'Lock'",
                        Integer.class)
                == 0) {
            assertThat(stillRunning)
                    .as("the second transaction waits, it does not finish")
                    .isNotDone();
            assertThat(System.nanoTime())
                    .as("a transaction waiting for the row lock")
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction did not reach its write", e);
        }
    }
}
