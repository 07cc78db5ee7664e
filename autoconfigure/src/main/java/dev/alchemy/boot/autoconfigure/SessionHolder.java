package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Transaction;
import dev.alchemy.orm.Session;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.transaction.support.ResourceHolderSupport;

/**
 * The Session of one Spring transaction, bound to the thread under its SessionFactory, and the Session savepoints
 * that mirror the transaction's NESTED savepoints.
 */
final class SessionHolder extends ResourceHolderSupport {

    private final Session session;
    private final PersistenceExceptionTranslator translator;

    /** Spring's savepoint and the Session's own, innermost first. */
    private final Deque<Mirror> savepoints = new ArrayDeque<>();

    /** Set by {@link NestedTransactionListener} just before Spring creates a NESTED transaction's savepoint. */
    private boolean nestedAnnounced;

    SessionHolder(Session session, PersistenceExceptionTranslator translator) {
        this.session = session;
        this.translator = translator;
    }

    Session session() {
        return session;
    }

    /** Flushes the session, translating what it throws. */
    void flush() {
        translated(() -> {
            session.flush();
            return null;
        });
    }

    void announceNested() {
        nestedAnnounced = true;
    }

    void cancelNested() {
        nestedAnnounced = false;
    }

    /**
     * Spring created a savepoint. For an announced NESTED transaction, the Session begins its own savepoint
     * ({@code beginNested()}), so that a rollback also undoes in memory what the nested transaction did; for any
     * other (a programmatic {@code TransactionStatus.createSavepoint()}), it only flushes.
     */
    void savepointCreated(Object springSavepoint) {
        if (nestedAnnounced) {
            nestedAnnounced = false;
            Transaction own = translated(session::beginNested);
            savepoints.push(new Mirror(springSavepoint, own));
        } else {
            flush();
        }
    }

    /**
     * Spring rolls back to a savepoint (our own is later, so it goes first): the Session's savepoint is rolled back,
     * which undoes in memory what was flushed or added since. Without one (a programmatic savepoint) the Session can
     * only write what it holds, so the rollback undoes it too, and expire everything.
     */
    void savepointRollingBack(Object springSavepoint) {
        Mirror mirror = pop(springSavepoint);
        if (mirror != null) {
            translated(() -> {
                mirror.own().rollback();
                return null;
            });
            return;
        }
        try {
            session.flush();
        } catch (RuntimeException e) {
            // the savepoint is being rolled back anyway; a failed flush leaves the session needing a rollback
        }
        session.expireAll();
    }

    /** A NESTED transaction ends well: its Session savepoint is released (flushing what it holds first). */
    void nestedCommitting() {
        Mirror mirror = savepoints.poll();
        if (mirror != null) {
            translated(() -> {
                mirror.own().commit();
                return null;
            });
        }
    }

    private @Nullable Mirror pop(Object springSavepoint) {
        for (Mirror mirror : savepoints) {
            if (mirror.spring() == springSavepoint) {
                // drop the ones inside it too: Spring's rollback ends them
                while (!savepoints.isEmpty()) {
                    if (savepoints.pop() == mirror) {
                        return mirror;
                    }
                }
            }
        }
        return null;
    }

    private <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            DataAccessException translated = translator.translateExceptionIfPossible(e);
            throw translated != null ? translated : e;
        }
    }

    /** A savepoint of Spring's and the Session's savepoint begun right after it. */
    private record Mirror(Object spring, Transaction own) {}
}
