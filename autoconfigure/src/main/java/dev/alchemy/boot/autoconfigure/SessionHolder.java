package dev.alchemy.boot.autoconfigure;

import dev.alchemy.orm.Session;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.transaction.support.ResourceHolderSupport;

/** The Session of one Spring transaction, bound to the thread under its SessionFactory. */
final class SessionHolder extends ResourceHolderSupport {

    private final Session session;
    private final PersistenceExceptionTranslator translator;

    SessionHolder(Session session, PersistenceExceptionTranslator translator) {
        this.session = session;
        this.translator = translator;
    }

    Session session() {
        return session;
    }

    /** Flushes the session, translating what it throws. */
    void flush() {
        try {
            session.flush();
        } catch (RuntimeException e) {
            DataAccessException translated = translator.translateExceptionIfPossible(e);
            throw translated != null ? translated : e;
        }
    }
}
