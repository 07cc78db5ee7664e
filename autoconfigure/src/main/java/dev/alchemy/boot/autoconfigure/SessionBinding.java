package dev.alchemy.boot.autoconfigure;

import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Finds, or opens and binds, the Session of the current Spring transaction. */
final class SessionBinding {

    private SessionBinding() {}

    /**
     * The Session bound to the current transaction for this factory, opened and bound on first use; null when the
     * thread has no actual transaction.
     */
    static @Nullable Session current(SessionFactory sessionFactory, PersistenceExceptionTranslator translator) {
        if (TransactionSynchronizationManager.getResource(sessionFactory) instanceof SessionHolder holder) {
            return holder.session();
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        // a read-only transaction never flushes, not before queries either; an explicit flush() with changes to
        // write raises InvalidRequestError (the database refuses writes too: ReadOnlyTransactionGuard on SQLite)
        SessionFactory factory = TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                ? sessionFactory.withReadOnly(true)
                : sessionFactory;
        Session session = factory.openSession();
        SessionHolder holder = new SessionHolder(session, translator);
        holder.setSynchronizedWithTransaction(true);
        TransactionSynchronizationManager.registerSynchronization(new SessionSynchronization(holder, sessionFactory));
        TransactionSynchronizationManager.bindResource(sessionFactory, holder);
        return session;
    }
}
