package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.InvalidRequestError;

/**
 * A savepoint of the session: rolling it back also undoes, in memory, what was flushed since (objects inserted
 * become transient again, deleted ones come back, everything expires), and a flush that fails inside it rolls
 * back to it only, as in SQLAlchemy.
 */
final class Savepoint implements Transaction {

    private final SessionImpl session;
    private final SessionTransaction transaction;
    private final Transaction inner;
    private final int newMark;
    private final int deletedMark;
    private final int updateMark;
    private final long startEpoch;
    private boolean active = true;

    Savepoint(
            SessionImpl session,
            SessionTransaction transaction,
            Transaction inner,
            int newMark,
            int deletedMark,
            int updateMark,
            long startEpoch) {
        this.session = session;
        this.transaction = transaction;
        this.inner = inner;
        this.newMark = newMark;
        this.deletedMark = deletedMark;
        this.updateMark = updateMark;
        this.startEpoch = startEpoch;
    }

    @Override
    public void commit() {
        if (!active) {
            throw new InvalidRequestError("this savepoint is no longer active; it was released or rolled back");
        }
        SessionListeners listeners = session.options.listeners;
        listeners.fire(l -> l.beforeCommit(session));
        session.flush();
        end();
        inner.commit();
        listeners.fire(l -> l.afterCommit(session));
    }

    @Override
    public void rollback() {
        if (!active) {
            return;
        }
        end();
        boolean real = inner.isActive();
        try {
            if (real) {
                inner.rollback();
            }
        } finally {
            transaction.undoSince(newMark, deletedMark, updateMark, startEpoch);
            session.lifecycle.clearFailure();
        }
        SessionListeners listeners = session.options.listeners;
        if (real) {
            listeners.fire(l -> l.afterRollback(session));
        }
        listeners.fire(l -> l.afterSoftRollback(session));
    }

    /** A flush failed inside the savepoint: only the savepoint's work is lost. */
    void rolledBackByFailedFlush() {
        if (inner.isActive()) {
            inner.rollback();
        }
    }

    private void end() {
        active = false;
        transaction.ended(this);
    }

    @Override
    public boolean isActive() {
        return active && inner.isActive();
    }

    @Override
    public boolean isNested() {
        return true;
    }

    @Override
    public void close() {
        if (active) {
            rollback();
        }
    }
}
