package dev.alchemy.orm;

import java.util.Optional;

/**
 * For an integration whose transaction manager commits and rolls back a session's connection itself (the Spring Boot
 * starter, where Spring's {@code JdbcTransactionManager} owns the transaction): tells the session's
 * {@link SessionEvents} what the manager did, so that {@code beforeCommit}, {@code afterCommit} and
 * {@code afterRollback} fire there too. Applications do not call it; they use {@link Session#commit()}.
 *
 * <pre>{@code
 * ManagedTransactionEvents.of(session).ifPresent(ManagedTransactionEvents::afterCommit);
 * }</pre>
 */
public interface ManagedTransactionEvents {

    /** The manager is about to commit: fires {@code beforeCommit} (the integration flushes after it). */
    void beforeCommit();

    /** The manager committed: fires {@code afterCommit}. */
    void afterCommit();

    /** The manager rolled back: fires {@code afterRollback} and {@code afterSoftRollback}. */
    void afterRollback();

    /**
     * @param session a session
     * @return its transaction events, empty for a session that is not Alchemy's own (a test double)
     */
    static Optional<ManagedTransactionEvents> of(Session session) {
        return session instanceof ManagedTransactionEvents events ? Optional.of(events) : Optional.empty();
    }
}
