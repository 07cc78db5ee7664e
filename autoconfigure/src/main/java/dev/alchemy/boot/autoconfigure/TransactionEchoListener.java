package dev.alchemy.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Logs the transactions Spring's transaction manager begins, commits and rolls back, in the engine's log beside the
 * statements (logger {@code dev.alchemy.engine}): at INFO with {@code alchemy.echo=true}, else at DEBUG, as the
 * engine logs the BEGIN/COMMIT/ROLLBACK of the transactions it runs itself. Without it an echo of a
 * {@code @Transactional} method shows its statements but not where its transaction begins and ends.
 */
final class TransactionEchoListener implements TransactionExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("dev.alchemy.engine");

    private final boolean echo;

    TransactionEchoListener(boolean echo) {
        this.echo = echo;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        if (beginFailure != null || !(transaction.isNewTransaction() || transaction.isNested()) || !enabled()) {
            return;
        }
        message((transaction.isNested() ? "SAVEPOINT" : "BEGIN") + " (Spring" + describe(transaction) + ")");
    }

    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        if (enabled()) {
            end(transaction, transaction.isNested() ? "RELEASE SAVEPOINT" : "COMMIT", commitFailure);
        }
    }

    @Override
    public void afterRollback(TransactionExecution transaction, @Nullable Throwable rollbackFailure) {
        if (enabled()) {
            end(transaction, transaction.isNested() ? "ROLLBACK TO SAVEPOINT" : "ROLLBACK", rollbackFailure);
        }
    }

    private void end(TransactionExecution transaction, String what, @Nullable Throwable failure) {
        if (!transaction.isNewTransaction() && !transaction.isNested()) {
            return; // a participating transaction: the outer one ends it
        }
        message(what + " (Spring" + describe(transaction) + ")"
                + (failure != null ? " failed: " + failure.getMessage() : ""));
    }

    private static String describe(TransactionExecution transaction) {
        String name = transaction.getTransactionName();
        return (name.isEmpty() ? "" : ": " + name) + (transaction.isReadOnly() ? ", read-only" : "");
    }

    private boolean enabled() {
        return echo ? log.isInfoEnabled() : log.isDebugEnabled();
    }

    private void message(String text) {
        if (echo) {
            log.info(text);
        } else {
            log.debug(text);
        }
    }
}
