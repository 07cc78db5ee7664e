package dev.alchemy.boot.autoconfigure;

import dev.alchemy.orm.ManagedTransactionEvents;
import dev.alchemy.orm.SessionFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.ResourceHolderSynchronization;

/**
 * Ties a transaction's Session to the transaction: flushed before commit (not when the transaction is read-only),
 * savepoints mirrored (with {@link NestedTransactionListener}), closed when the transaction has completed, before the transaction manager releases the
 * connection. Objects of a committed transaction leave the session detached with their database state (ids and
 * all), so they can be returned and later merged or added again; objects added in a transaction that rolled back get
 * back the field values they had before their INSERT.
 *
 * <p>Ordered before {@link DataSourceUtils#CONNECTION_SYNCHRONIZATION_ORDER}: where a connection is bound by a
 * synchronization rather than by the transaction manager, the session still flushes and gives its connection back
 * first.
 */
final class SessionSynchronization extends ResourceHolderSynchronization<SessionHolder, SessionFactory> {

    static final int ORDER = DataSourceUtils.CONNECTION_SYNCHRONIZATION_ORDER - 100;

    private final SessionHolder holder;

    SessionSynchronization(SessionHolder holder, SessionFactory key) {
        super(holder, key);
        this.holder = holder;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void flushResource(SessionHolder resourceHolder) {
        resourceHolder.flush();
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        ManagedTransactionEvents.of(holder.session()).ifPresent(ManagedTransactionEvents::beforeCommit);
        if (!readOnly) {
            flushResource(holder);
        }
    }

    /** A savepoint was created: see {@link SessionHolder#savepointCreated}. */
    @Override
    public void savepoint(Object savepoint) {
        holder.savepointCreated(savepoint);
    }

    /** A rollback to a savepoint is about to happen: see {@link SessionHolder#savepointRollingBack}. */
    @Override
    public void savepointRollback(Object savepoint) {
        holder.savepointRollingBack(savepoint);
    }

    @Override
    protected boolean shouldReleaseBeforeCompletion() {
        // close after the outcome is known, still before the transaction manager releases the connection
        return false;
    }

    @Override
    protected void processResourceAfterCommit(SessionHolder resourceHolder) {
        // committed: detach the objects as they are, so that closing does not treat their INSERTs as undone
        resourceHolder.session().expungeAll();
        ManagedTransactionEvents.of(resourceHolder.session()).ifPresent(ManagedTransactionEvents::afterCommit);
    }

    @Override
    public void afterCompletion(int status) {
        if (status == STATUS_ROLLED_BACK && holder.session().isOpen()) {
            ManagedTransactionEvents.of(holder.session()).ifPresent(ManagedTransactionEvents::afterRollback);
        }
        super.afterCompletion(status);
    }

    @Override
    protected void releaseResource(SessionHolder resourceHolder, SessionFactory resourceKey) {
        resourceHolder.session().close();
    }
}
