package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Executable;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.OrmObserver;
import dev.alchemy.orm.internal.flush.FlushContext;
import dev.alchemy.orm.internal.flush.UnitOfWork;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.MapperListeners;
import dev.alchemy.orm.internal.relationships.RelationshipSync;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One session's flushes: prepares the objects (re-attached rows read, cascades, replaced collections), hands them to
 * the {@link UnitOfWork}, records what each statement did in the session's transaction, and on failure puts the
 * session's objects back as they were before the flush.
 */
final class SessionFlush implements FlushContext {

    private final SessionImpl session;
    private final IdentityMap map;
    private boolean running;
    private int inserted, updated, deleted; // rows of the flush running, for the observer

    SessionFlush(SessionImpl session, IdentityMap map) {
        this.session = session;
        this.map = map;
    }

    /** @return whether a flush is running (a cascade's load inside it must not flush again) */
    boolean running() {
        return running;
    }

    /**
     * Writes the session's changes.
     *
     * @param observer told of the flush and its row counts, or null
     */
    void run(@Nullable OrmObserver observer) {
        running = true;
        SessionListeners listeners = session.options.listeners;
        if (listeners.any()) {
            // SQLAlchemy's before_flush, for a flush with something to write; what the listeners add, change or
            // delete is part of this flush (running already: a query of theirs does not flush)
            try {
                if (!session.hasChanges()) {
                    running = false;
                    return;
                }
                listeners.fire(l -> l.beforeFlush(session));
            } catch (RuntimeException | Error e) {
                running = false;
                throw e;
            }
        }
        inserted = updated = deleted = 0;
        OrmObserver.Scope scope = observer != null ? observer.flushStarting() : null;
        UnitOfWork work = new UnitOfWork(this);
        SessionTransaction transaction = session.transaction;
        int updatesBefore = transaction.updateMark();
        try {
            session.reattached.readSnapshots();
            session.cascades.beforeFlush(new ArrayList<>(map.states()));
            List<InstanceState> all = new ArrayList<>(map.states());
            var detaches = session.cascades.takeDetaches(all);
            work.run(
                    session.pending.toList(),
                    new ArrayList<>(map.persistent()),
                    new ArrayList<>(session.deleted),
                    all,
                    detaches);
            session.cascades.detachesDone();
            RelationshipSync.afterFlush(map.states(), transaction.epoch());
            listeners.fire(l -> l.afterFlush(session));
            session.lifecycle.flushed();
        } catch (RuntimeException | Error e) {
            work.undo();
            transaction.undoUpdatesSince(updatesBefore);
            session.lifecycle.failFlush(e);
            if (scope != null) {
                scope.end(inserted, updated, deleted, e);
            }
            throw e;
        } finally {
            running = false;
        }
        if (scope != null) {
            scope.end(inserted, updated, deleted, null);
        }
        listeners.fire(l -> l.afterFlushPostexec(session));
    }

    /** A read-only session writes nothing: with changes to write, it says so rather than let the database refuse. */
    void refuseChangesWhenReadOnly() {
        if (session.reattached.any()) {
            session.reattached.readSnapshots(); // re-attached objects: changed only if their row differs
        }
        List<String> changes = new ArrayList<>();
        for (InstanceState s : session.pending) {
            changes.add("new " + s.mapper.type.getSimpleName());
        }
        for (InstanceState s : session.deleted) {
            changes.add("deleted " + s.mapper.type.getSimpleName());
        }
        Object[] scratch = new Object[0]; // the dirty check without an array per object, as autoflush's
        for (InstanceState s : map.states()) {
            if (s.status() == ObjectState.PERSISTENT && s.snapshot() != null) {
                if (scratch.length < s.mapper.attributes.size()) {
                    scratch = new Object[s.mapper.attributes.size()];
                }
                if (s.isModified(scratch)) {
                    changes.add("changed " + s.mapper.type.getSimpleName());
                }
            }
        }
        if (!changes.isEmpty()) {
            throw new InvalidRequestError("this session is in a read-only transaction, so it cannot flush its "
                    + changes.size() + " pending change(s) " + changes.subList(0, Math.min(5, changes.size()))
                    + (changes.size() > 5 ? " ..." : "") + "; nothing was written. Use a read-write session or "
                    + "transaction (in Spring: @Transactional without readOnly) to write, or expunge()/rollback() "
                    + "to drop the changes");
        }
    }

    @Override
    public MapperListeners mapperListeners() {
        return session.mapperListeners();
    }

    @Override
    public Connection writeConnection(Mapper<?> mapper) {
        return session.connections.forModel(mapper, true);
    }

    @Override
    public Connection writeConnection(Class<?> model, Executable statement) {
        return session.connections.forStatement(model, statement, true);
    }

    @Override
    public void inserted(InstanceState state, Object[] values) {
        inserted++;
        session.transaction.inserted(state, values);
    }

    @Override
    public void updated(InstanceState state, Object[] values) {
        updated++;
        session.transaction.updated(state, values);
    }

    @Override
    public void deletedRow(InstanceState state) {
        deleted++;
        session.transaction.deletedRow(state);
    }

    @Override
    public void uninserted(InstanceState state) {
        session.transaction.uninserted(state);
    }
}
