package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.PendingRollbackError;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a session's transaction ends, on the session's side (SQLAlchemy's {@code Session.commit}, {@code rollback} and
 * {@code begin_nested} with their events): commit flushes and expires, rollback undoes the bookkeeping through the
 * {@link SessionTransaction}, a failed flush or COMMIT leaves the session waiting for {@code rollback()}, and the
 * streams still open are released when the transaction ends.
 */
final class SessionLifecycle {

    private final SessionImpl session;

    private @Nullable RuntimeException failedFlush;
    /** What failed: "flush", or "commit" when the database refused the COMMIT itself. */
    private String failedStep = "flush";

    /** The streamed queries open in the session ({@code yieldPer}), released when its transaction ends. */
    private final List<SessionStream<?>> streams = new ArrayList<>(0);

    SessionLifecycle(SessionImpl session) {
        this.session = session;
    }

    /** @throws PendingRollbackError when a flush or COMMIT failed and no rollback() followed */
    void checkNotFailed() {
        RuntimeException failed = failedFlush;
        if (failed != null) {
            throw new PendingRollbackError(
                    "this session's transaction was rolled back because a " + failedStep + " failed; call "
                            + "rollback() before using the session again. The " + failedStep + " failed with: "
                            + failed.getMessage(),
                    failed);
        }
    }

    /** After a successful flush. */
    void flushed() {
        session.autoflush.collectionsSettled();
    }

    /** A flush failed: the transaction is rolled back (or only the innermost savepoint), and the session waits. */
    void failFlush(Throwable e) {
        Savepoint savepoint = session.transaction.innermostSavepoint();
        if (savepoint != null) {
            // inside beginNested(): only the savepoint's work is lost; its rollback() makes the session usable again
            try {
                savepoint.rolledBackByFailedFlush();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
        } else {
            session.connections.closeAfter(e);
        }
        failedFlush = e instanceof RuntimeException r ? r : new InvalidRequestError(String.valueOf(e.getMessage()), e);
        if (session.options.listeners.any()) {
            session.options.listeners.fireAfterFailure(l -> l.afterRollback(session), e);
            session.options.listeners.fireAfterFailure(l -> l.afterSoftRollback(session), e);
        }
    }

    /** The session is usable again (after a rollback of the transaction or of the savepoint a flush failed in). */
    void clearFailure() {
        failedFlush = null;
        failedStep = "flush";
    }

    void commit() {
        if (session.options.listeners.any()) {
            session.options.listeners.fire(l -> l.beforeCommit(session));
            // listeners of the flush (afterFlushPostexec) may change objects again: flush until nothing is left, as
            // SQLAlchemy's commit does (at most 100 times)
            for (int i = 0; i < 100 && (i == 0 || session.hasChanges()); i++) {
                session.flush();
            }
        } else {
            session.flush();
        }
        releaseStreams("the session's transaction was committed");
        session.connections.commit(e -> {
            // the connection rolled the transaction back: what it inserted is undone by rollback(), as after a
            // failed flush
            failedFlush = e;
            failedStep = "commit";
            if (session.options.listeners.any()) {
                session.options.listeners.fireAfterFailure(l -> l.afterRollback(session), e);
                session.options.listeners.fireAfterFailure(l -> l.afterSoftRollback(session), e);
            }
        });
        session.transaction.committed();
        if (session.options.expireOnCommit) {
            session.expireAll();
        }
        session.options.listeners.fire(l -> l.afterCommit(session));
    }

    void rollback() {
        // SQLAlchemy's after_rollback fires when the database rolls back; after_soft_rollback on every rollback() of a
        // transaction, also one a failed flush rolled back already
        boolean real = session.connections.current() != null;
        boolean soft = real || failedFlush != null;
        releaseStreams("the session's transaction was rolled back");
        try {
            session.connections.rollback();
        } finally {
            session.transaction.rolledBack();
            clearFailure();
        }
        if (real) {
            session.options.listeners.fire(l -> l.afterRollback(session));
        }
        if (soft) {
            session.options.listeners.fire(l -> l.afterSoftRollback(session));
        }
    }

    /** Objects deleted and not flushed are persistent again. */
    void undeleteAll() {
        for (InstanceState s : session.deleted) {
            s.markPersistent();
        }
        session.deleted.clear();
    }

    /**
     * After a rollback (of the transaction or a savepoint) undid the bookkeeping: fields show the stored values,
     * relationships what the rows hold, and everything expires.
     *
     * @param since the epoch at which the rolled-back work began
     */
    void afterUndo(long since) {
        session.autoflush.collectionsSettled();
        SessionTransaction.revertChanges(session.map);
        session.expiry.afterRollback(session.map.states(), since);
        session.expireAll();
    }

    void beforeCommit() {
        session.options.listeners.fire(l -> l.beforeCommit(session));
    }

    void afterCommit() {
        releaseStreams("the session's transaction was committed");
        session.options.listeners.fire(l -> l.afterCommit(session));
    }

    void afterRollback() {
        releaseStreams("the session's transaction was rolled back");
        session.options.listeners.fire(l -> l.afterRollback(session));
        session.options.listeners.fire(l -> l.afterSoftRollback(session));
    }

    Transaction beginNested() {
        session.flush();
        if (session.connections.spansSeveral()) {
            throw new InvalidRequestError("this session's transaction spans several databases (binds); a savepoint "
                    + "covers one: use beginNested() in a session that has used one engine so far");
        }
        Connection connection = session.connections.forNoTable();
        Transaction savepoint = session.transaction.beginNested(connection.beginNested());
        session.options.listeners.fire(l -> l.afterBegin(session, connection));
        return savepoint;
    }

    void streamOpened(SessionStream<?> stream) {
        streams.add(stream);
    }

    void streamClosed(SessionStream<?> stream) {
        streams.remove(stream);
    }

    /** Releases the streams still open: their cursors end with the transaction. */
    void releaseStreams(String because) {
        if (streams.isEmpty()) {
            return;
        }
        for (SessionStream<?> s : new ArrayList<>(streams)) {
            s.release(because);
        }
        streams.clear();
    }

    /** Closes the session: the transaction rolls back, the persistent objects become detached. */
    void close() {
        try {
            releaseStreams("the session was closed");
            session.connections.close();
        } finally {
            OpenSessions.closed(session);
            // closed without a commit, the transaction rolled back: its deletes, updates and inserts did not happen
            session.transaction.closed();
            if (session.map.keyCount() > 0) {
                // in the order the objects came, which is the order their states lie in memory: the key map's hash
                // order reads them at random, a cache miss per object (putAll passes over those not persistent)
                session.detached.putAll(session.map.states());
            }
            session.reattached.clear();
            session.map.clear();
            session.bulk.clear();
            session.pending.clear();
            session.deleted.clear();
        }
    }
}
