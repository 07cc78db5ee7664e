package dev.alchemy.boot.autoconfigure;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Flushes the Sessions bound to the current transaction just before a NESTED transaction creates its savepoint, so
 * that the enclosing transaction's pending changes are written before the savepoint and survive its rollback.
 * (Spring tells synchronizations about a savepoint only after creating it.) Spring Boot registers
 * {@link TransactionExecutionListener} beans with its transaction manager.
 */
final class NestedTransactionFlusher implements TransactionExecutionListener {

    @Override
    public void beforeBegin(TransactionExecution transaction) {
        if (!transaction.isNested() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        for (Object resource :
                TransactionSynchronizationManager.getResourceMap().values()) {
            if (resource instanceof SessionHolder holder) {
                holder.flush();
            }
        }
    }
}
