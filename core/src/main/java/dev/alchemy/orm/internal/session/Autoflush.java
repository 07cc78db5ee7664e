package dev.alchemy.orm.internal.session;

import dev.alchemy.exc.AlchemyException;
import dev.alchemy.orm.internal.flush.Errors;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.function.Supplier;

/**
 * The session's autoflush, as SQLAlchemy's {@code Session._autoflush}: before a query, pending changes are flushed so
 * that the query sees them, unless autoflush is off, the session only reads, a flush is running, or the application
 * asked for none ({@code noAutoflush}). Finding whether anything changed is the costly part, so it is cheap first:
 * new or deleted objects, then a collection appended to, then a walk over the objects' fields.
 */
final class Autoflush {

    private final SessionImpl session;
    private final IdentityMap map;
    private final boolean enabled;
    private int suspended;
    /** Whether an element was added to a collection of this session since the last flush. */
    private boolean collectionsChanged;
    /** Whether this session ever tracked a collection: without one, there is no replaced collection to look for. */
    private boolean tracksCollections;

    Autoflush(SessionImpl session, IdentityMap map, boolean enabled) {
        this.session = session;
        this.map = map;
        this.enabled = enabled;
    }

    /** Flushes before a query when there is anything to flush. */
    void beforeQuery() {
        if (!enabled || session.readOnly || suspended > 0 || session.flusher.running()) {
            return;
        }
        if (session.pending.isEmpty() && session.deleted.isEmpty() && !anyModified()) {
            return;
        }
        try {
            session.flush();
        } catch (AlchemyException e) {
            throw Errors.withPrefix(
                    e,
                    "(raised as a result of a query-invoked autoflush; use session.noAutoflush(...) "
                            + "if this flush is occurring prematurely) ");
        }
    }

    boolean anyModified() {
        if (session.reattached.any()) {
            return true; // re-attached objects: the flush reads their rows and finds what changed
        }
        if (collectionsChanged) {
            return true; // a child added to a collection is inserted first: queries see it, as in SQLAlchemy
        }
        // one walk (an array's; the key map's buckets chase pointers) for changed fields and replaced collections
        return InstanceState.anyModified(map.states(), tracksCollections);
    }

    /** Runs work with autoflush suspended. */
    <R> R suspended(Supplier<R> work) {
        suspended++;
        try {
            return work.get();
        } finally {
            suspended--;
        }
    }

    void collectionTracked() {
        tracksCollections = true;
    }

    void collectionChanged() {
        collectionsChanged = true;
    }

    /** After a flush, or a rollback: no collection has changed since. */
    void collectionsSettled() {
        collectionsChanged = false;
    }
}
