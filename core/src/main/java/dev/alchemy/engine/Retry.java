package dev.alchemy.engine;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.OperationalError;
import java.sql.SQLException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a transaction again when the database aborted it to keep transactions serializable: a serialization failure
 * (SQLSTATE {@code 40001}) or a deadlock ({@code 40P01}). A {@code SERIALIZABLE} transaction on PostgreSQL, and any
 * transaction on CockroachDB, may fail so when another transaction touched the same rows, and the database's own
 * advice is to run the whole transaction again; this is that loop, as CockroachDB's {@code run_transaction()} for
 * SQLAlchemy is.
 *
 * <pre>{@code
 * Retry retry = Retry.onSerializationFailure(5);
 * long balance = engine.inTransaction(retry, conn -> {
 *     long b = conn.execute(select(accounts.c("balance")).where(accounts.c("id").eq(1))).scalar(Long.class);
 *     conn.execute(update(accounts).values(Map.of("balance", b - 10)).where(accounts.c("id").eq(1)));
 *     return b - 10;
 * });
 * sessionFactory.inTransaction(retry, session -> session.get(Account.class, 1).withdraw(10));
 * }</pre>
 *
 * <p>The work runs once per attempt, each time in a new transaction (and, for a session, a new session): it must
 * read what it needs inside, keep no objects from an earlier attempt, and have no effects outside the database
 * that must not happen twice. Between attempts it waits a random time up to an exponentially growing bound ("full
 * jitter"), so that the transactions that collided do not collide again. When the retries are used up, the last
 * failure is thrown. Do not call it inside a transaction that is already open (a Spring {@code @Transactional}
 * method): the work would join that transaction, which the database has aborted as a whole.
 *
 * <p>Immutable and thread-safe.
 */
public final class Retry {

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private Retry(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Retries a transaction that failed with a serialization failure or a deadlock, at most {@code maxRetries}
     * times after the first attempt, waiting up to 10 ms before the first retry, doubling up to 1 s.
     *
     * @param maxRetries how many times to run the work again (0 runs it once)
     * @return the retry
     * @throws ArgumentError when {@code maxRetries} is negative
     */
    public static Retry onSerializationFailure(int maxRetries) {
        if (maxRetries < 0) {
            throw new ArgumentError("maxRetries must be 0 or more, not " + maxRetries);
        }
        return new Retry(maxRetries, Duration.ofMillis(10), Duration.ofSeconds(1));
    }

    /**
     * The wait between attempts: before retry {@code n} (from 1), a random time between 0 and
     * {@code min(maxBackoff, initialBackoff * 2^(n-1))}. {@link Duration#ZERO} for both retries at once.
     *
     * @param initialBackoff the bound before the first retry
     * @param maxBackoff the largest bound
     * @return a retry with that wait
     * @throws ArgumentError when a duration is negative or {@code initialBackoff} exceeds {@code maxBackoff}
     */
    public Retry withBackoff(Duration initialBackoff, Duration maxBackoff) {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || initialBackoff.compareTo(maxBackoff) > 0) {
            throw new ArgumentError("the backoff must be 0 or more with initialBackoff <= maxBackoff, not "
                    + initialBackoff + " and " + maxBackoff);
        }
        return new Retry(maxRetries, initialBackoff, maxBackoff);
    }

    /** @return how many times the work may run again after its first attempt */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * Whether a failure is a serialization failure ({@code 40001}) or a deadlock ({@code 40P01}) reported by the
     * database, anywhere in its causes (the driver's {@link SQLException}, and the exceptions chained to it). Use it
     * where another mechanism retries, e.g. a Spring {@code MethodRetryPredicate}.
     *
     * @param failure what was thrown
     * @return true when running the transaction again may succeed
     */
    public static boolean isSerializationFailure(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql;
                        s != null && (s == sql || seen.put(s, Boolean.TRUE) == null);
                        s = s.getNextException()) {
                    String state = s.getSQLState();
                    if ("40001".equals(state) || "40P01".equals(state)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Runs {@code attempt} until it returns, or fails with something else than a serialization failure, or the
     * retries are used up. Each call of {@code attempt} must run (and commit) a whole transaction of its own;
     * {@link Engine#inTransaction(Retry, Function)} and {@code SessionFactory.inTransaction(Retry, Function)} are
     * built on it.
     *
     * @param attempt one attempt: a whole transaction
     * @param <T> what it returns
     * @return what the successful attempt returned
     */
    public <T> T run(Supplier<? extends T> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        for (int retry = 0; ; retry++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (retry >= maxRetries || !isSerializationFailure(e)) {
                    throw e;
                }
                pause(retry + 1, e);
            }
        }
    }

    private void pause(int retry, RuntimeException failure) {
        long bound = initialBackoff.toNanos();
        for (int i = 1; i < retry && bound < maxBackoff.toNanos(); i++) {
            bound = bound > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : bound * 2;
        }
        bound = Math.min(bound, maxBackoff.toNanos());
        if (bound <= 0) {
            return;
        }
        long nanos = ThreadLocalRandom.current().nextLong(bound + 1);
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            OperationalError interrupted = new OperationalError(
                    "interrupted while waiting to retry a transaction after a serialization failure", null, null, e);
            interrupted.addSuppressed(failure);
            throw interrupted;
        }
    }

    @Override
    public String toString() {
        return "Retry[onSerializationFailure, maxRetries=" + maxRetries + ", backoff=" + initialBackoff + ".."
                + maxBackoff + "]";
    }
}
