package dev.alchemy.boot.autoconfigure;

import dev.alchemy.orm.SessionFactory;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the transaction's Sessions in step with NESTED transactions (savepoints). Just before Spring creates the
 * savepoint, each Session is flushed, so that the enclosing transaction's pending changes are written before the
 * savepoint and survive its rollback (Spring tells synchronizations about a savepoint only after creating it), and
 * is told that a nested transaction begins, so that it begins a savepoint of its own ({@code beginNested()}), whose
 * rollback also undoes in memory what the nested transaction did. Just before Spring releases the savepoint, the
 * Session's is released too. Spring Boot registers {@link TransactionExecutionListener} beans with its transaction
 * manager.
 */
final class NestedTransactionListener implements TransactionExecutionListener {

    private final ObjectProvider<SessionFactory> sessionFactories;
    private final ObjectProvider<? extends PersistenceExceptionTranslator> translator;

    /**
     * @param sessionFactories the factories whose sessions take part, looked up when a nested transaction begins
     * @param translator translates Alchemy's exceptions
     */
    NestedTransactionListener(
            ObjectProvider<SessionFactory> sessionFactories,
            ObjectProvider<? extends PersistenceExceptionTranslator> translator) {
        this.sessionFactories = sessionFactories;
        this.translator = translator;
    }

    @Override
    public void beforeBegin(TransactionExecution transaction) {
        if (transaction.isNested()) {
            // bind the enclosing transaction's Session now if it has none yet, so that work the nested
            // transaction does with it is inside a Session savepoint too
            PersistenceExceptionTranslator available = translator.getIfAvailable();
            PersistenceExceptionTranslator exceptions =
                    available != null ? available : new AlchemyExceptionTranslator();
            sessionFactories.orderedStream().forEach(factory -> SessionBinding.current(factory, exceptions));
            for (SessionHolder holder : holders()) {
                holder.flush();
                holder.announceNested();
            }
        }
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        if (transaction.isNested()) {
            // the savepoint callback has consumed it, unless there was no savepoint (a failure, or JTA's nesting)
            for (SessionHolder holder : holders()) {
                holder.cancelNested();
            }
        }
    }

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        if (transaction.isNested()) {
            for (SessionHolder holder : holders()) {
                holder.nestedCommitting();
            }
        }
    }

    private static List<SessionHolder> holders() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return List.of();
        }
        return TransactionSynchronizationManager.getResourceMap().values().stream()
                .filter(SessionHolder.class::isInstance)
                .map(SessionHolder.class::cast)
                .toList();
    }
}
