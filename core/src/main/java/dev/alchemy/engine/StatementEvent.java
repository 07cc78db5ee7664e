package dev.alchemy.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * One statement an engine executed, reported to {@link StatementListener}s.
 *
 * @param sql the SQL text with {@code ?} placeholders
 * @param batchSize how many parameter sets were sent with it (1 for a single execution)
 * @param elapsed how long the execution took
 * @param failed whether the database refused it
 */
public record StatementEvent(String sql, int batchSize, Duration elapsed, boolean failed) {

    /** Checks the arguments. */
    public StatementEvent {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
