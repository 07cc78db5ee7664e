package dev.alchemy.orm.internal.session;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The open sessions, so that one refuses an object another holds, as SQLAlchemy's module-wide {@code _sessions}
 * registry lets it say "already attached to session 1 (this is 2)". Sessions are held weakly: one the application
 * never closed is forgotten once unreachable. A session reading another's identity map from another thread may miss
 * an object being added there at that moment; the check catches the mistakes of one thread (two sessions used
 * side by side) exactly, and of several threads as far as they are not racing on the same object.
 *
 * <p>Unlike the detached objects ({@link DetachedStates}, one registry per factory), this registry is the JVM's on
 * purpose: an object attached to an open session of any factory must not be written by a second session, and the
 * registry holds nothing but weak references to sessions that are open.
 */
public final class OpenSessions {

    private static final Map<Long, WeakReference<SessionImpl>> OPEN = new ConcurrentHashMap<>();

    private OpenSessions() {}

    public static void opened(SessionImpl session) {
        OPEN.put(session.id, new WeakReference<>(session));
    }

    public static void closed(SessionImpl session) {
        OPEN.remove(session.id);
    }

    /**
     * @param instance an object the asking session does not hold
     * @param asking the session that asks
     * @return another open session that holds the object, or null
     */
    public static @Nullable SessionImpl holder(Object instance, SessionImpl asking) {
        if (OPEN.size() <= 1) {
            return null; // only the asking session: the common case of a batch job or a benchmark
        }
        for (Iterator<WeakReference<SessionImpl>> it = OPEN.values().iterator(); it.hasNext(); ) {
            SessionImpl other = it.next().get();
            if (other == null) {
                it.remove(); // never closed, and gone
            } else if (other != asking && other.objects.holds(instance)) {
                return other;
            }
        }
        return null;
    }
}
