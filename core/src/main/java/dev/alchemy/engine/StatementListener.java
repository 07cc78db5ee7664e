package dev.alchemy.engine;

/**
 * Told of every statement an {@link Engine} executes, after it ran. A test can count statements to prove a page of
 * objects loads in a fixed number of queries:
 *
 * <pre>{@code
 * AtomicInteger statements = new AtomicInteger();
 * engine.addStatementListener(event -> statements.incrementAndGet());
 * }</pre>
 *
 * <p>Listeners run on the executing thread and must be fast and thread-safe.
 */
@FunctionalInterface
public interface StatementListener {

    /**
     * Called after each statement.
     *
     * @param event what ran
     */
    void afterExecute(StatementEvent event);
}
