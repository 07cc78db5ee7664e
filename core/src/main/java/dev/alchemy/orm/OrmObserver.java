package dev.alchemy.orm;

import org.jspecify.annotations.Nullable;

/**
 * Told when a session flushes and when it runs an ORM query, for metrics and tracing. The Spring Boot starter adapts
 * it to Micrometer's Observation API when the application has an {@code ObservationRegistry}; core itself depends on
 * no metrics library. Install one on a {@link SessionFactory}:
 *
 * <pre>{@code
 * SessionFactory sessionFactory = new SessionFactory(engine).withObserver(new OrmObserver() {
 *     public Scope flushStarting() {
 *         long start = System.nanoTime();
 *         return (inserted, updated, deleted, error) -> flushTimes.record(System.nanoTime() - start);
 *     }
 *
 *     public Scope queryStarting(Class<?> model, String operation) {
 *         return Scope.NONE;
 *     }
 * });
 * }</pre>
 *
 * <p>Both methods run on the session's thread before the work begins, and the scope they return is ended on it when
 * the work ends, failed or not; statements the engine runs in between (its {@code StatementListener}s) belong to it.
 * They must be fast and must not throw. Without an observer a session does none of this.
 */
public interface OrmObserver {

    /**
     * A flush begins (explicit, before a commit, or before a query that autoflushes).
     *
     * @return what to tell when the flush ends
     */
    Scope flushStarting();

    /**
     * An ORM query begins: a {@code SELECT} of model objects ({@code query(...)}, {@code scalars(select(...))},
     * {@code get}, {@code refresh}).
     *
     * @param model the model class queried
     * @param operation what kind of query: {@code "select"}
     * @return what to tell when the query ends (its rows read)
     */
    Scope queryStarting(Class<?> model, String operation);

    /** The end of one flush or query. */
    @FunctionalInterface
    interface Scope {

        /** A scope that does nothing. */
        Scope NONE = (inserted, updated, deleted, error) -> {};

        /**
         * The work ended.
         *
         * @param inserted rows a flush inserted (0 for a query)
         * @param updated rows a flush updated (0 for a query)
         * @param deleted rows a flush deleted (0 for a query)
         * @param error what made it fail, null when it succeeded
         */
        void end(int inserted, int updated, int deleted, @Nullable Throwable error);
    }
}
