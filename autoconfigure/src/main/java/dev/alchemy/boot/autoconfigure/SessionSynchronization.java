package dev.alchemy.boot.autoconfigure;

import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.ResourceHolderSynchronization;

/**
 * Ties a transaction's Session to the transaction: flushed before commit (not when the transaction is read-only) and
 * before a savepoint, closed when the transaction has completed, before the transaction manager releases the
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
        if (!readOnly) {
            flushResource(holder);
        }
    }

    /**
     * A NESTED transaction began: write what the session holds, so that it is not undone with the savepoint. (The
     * session is usually flushed already, by {@link NestedTransactionFlusher} just before the savepoint.)
     */
    @Override
    public void savepoint(Object savepoint) {
        flushResource(holder);
    }

    /**
     * A NESTED transaction rolls back to its savepoint: what it left unflushed is written first, so that the
     * rollback undoes it too instead of a later flush writing it into the enclosing transaction; then every object
     * is expired, so the next load shows the rolled-back rows.
     */
    @Override
    public void savepointRollback(Object savepoint) {
        Session session = holder.session();
        try {
            session.flush();
        } catch (RuntimeException e) {
            // the nested transaction is being rolled back anyway; a failed flush leaves the session needing a rollback
        }
        session.expireAll();
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
    }

    @Override
    protected void releaseResource(SessionHolder resourceHolder, SessionFactory resourceKey) {
        resourceHolder.session().close();
    }
}
