package dev.alchemy.orm.internal.session;

import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.relationships.Cascades;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How objects enter and leave a session, as SQLAlchemy's {@code Session._save_or_update_state}, {@code _delete_impl}
 * and {@code _expunge_states}: add (new, or a detached object re-attached), delete, expunge and make transient, with
 * the cascades each one starts, and the states the session reports for them.
 */
final class SessionObjects {

    private final SessionImpl session;
    private final IdentityMap map;

    SessionObjects(SessionImpl session, IdentityMap map) {
        this.session = session;
        this.map = map;
    }

    /** Whether an add is running: the objects its cascade adds are checked with it, not on their own. */
    private int adding;

    /** {@code session.addAll()}: each object must be non-null; the identity map makes room for them first. */
    void addAll(Collection<?> instances) {
        map.reserve(instances.size());
        for (Object instance : instances) {
            Objects.requireNonNull(instance, "an element of instances");
        }
        add(instances);
    }

    /**
     * Adds objects and, along save-update cascades, the objects they reach; all or nothing, as far as clashes go: a
     * graph that holds a second copy of a row this session has an object for is refused before anything is added.
     */
    void add(Collection<?> instances) {
        if (adding == 0 && (map.keyCount() > 0 || !session.detached.isEmpty())) {
            refuseClashes(instances);
        }
        adding++;
        try {
            for (Object instance : instances) {
                attach(instance);
            }
        } finally {
            adding--;
        }
    }

    /** Adds one object, checked as part of the add that is running, if any. */
    void add(Object instance) {
        if (adding > 0) {
            attach(instance);
        } else {
            add(List.of(instance));
        }
    }

    /**
     * Refuses a graph that {@code add} would attach partly before failing: a detached object in it whose row this
     * session already holds another object for (a form's converter loaded it again in this request), or two detached
     * copies of one row. SQLAlchemy refuses the same ("another instance with key ... is already present"); JPA's
     * {@code merge} is what such a save needs, and says so here. The walk follows what {@code add} follows: save-update
     * cascades over what is in memory, stopping at objects the session holds.
     */
    private void refuseClashes(Collection<?> roots) {
        // a set of the objects walked, made only once some object leads on to others: a 20,000-object addAll of new
        // objects with nothing in their collections never hashes one of them
        @Nullable Set<Object> seen = null;
        Map<IdentityKey, Object> copies = new HashMap<>();
        Deque<Object> todo = new ArrayDeque<>();
        for (Object root : roots) {
            todo.push(root);
            while (!todo.isEmpty()) {
                Object object = todo.pop();
                if ((seen != null && seen.contains(object)) || map.state(object) != null) {
                    continue;
                }
                Mapper<?> mapper = Mapper.of(object.getClass());
                if (mapper.hasKey(object) && session.detached.contains(object)) {
                    IdentityKey key = IdentityKey.of(
                            mapper,
                            Objects.requireNonNull(IdentityKey.ofInstance(mapper, object))
                                    .id());
                    InstanceState held = map.get(key);
                    Object other = held != null ? held.instance : copies.putIfAbsent(key, object);
                    if (other != null && other != object) {
                        throw clash(root, object, mapper, held != null);
                    }
                }
                for (RelationshipProperty r : mapper.relationshipArray) {
                    r.resolve();
                    if (r.saveUpdate) {
                        List<Object> targets = Cascades.loadedTargets(object, r);
                        if (!targets.isEmpty()) {
                            if (seen == null) {
                                seen = Collections.newSetFromMap(new IdentityHashMap<>());
                            }
                            seen.add(object); // a cycle back to it stops here
                            todo.addAll(targets);
                        }
                    }
                }
            }
        }
    }

    private static InvalidRequestError clash(Object root, Object copy, Mapper<?> mapper, boolean held) {
        Mapper<?> rootMapper = Mapper.of(root.getClass());
        String what = held
                ? "another object with that key is already in this session"
                : "the graph holds another copy of that row too";
        return new InvalidRequestError("cannot add " + describe(root, rootMapper)
                + (copy == root
                        ? ""
                        : ": along its save-update cascades it reaches a detached " + describe(copy, mapper) + ", and")
                + (copy == root ? ": " : " ") + what + " (a second copy of one row, say loaded again in this request). "
                + "add() attaches the objects themselves, and a session holds one object per row: use session.merge("
                + rootMapper.type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + ") to save a detached graph; "
                + "it copies the graph's state onto this session's objects, loading them when needed, and returns "
                + "them. Nothing was added");
    }

    private void attach(Object instance) {
        InstanceState state = map.state(instance);
        if (state != null) {
            if (state.status() == ObjectState.DELETED) {
                session.deleted.remove(state);
                state.markPersistent();
            }
            return;
        }
        Mapper<?> mapper = Mapper.of(instance.getClass());
        refuseIfOwnedElsewhere(instance, "add");
        SessionTransaction transaction = session.transaction;
        // an object without its primary key is new, whatever its past: only one with a key can be re-attached (and
        // asking the registry first spared, a 20,000-object addAll of new objects skips it entirely)
        if (mapper.hasKey(instance) && session.detached.remove(instance)) {
            state = session.reattached.attach(instance, mapper);
        } else if (mapper.hasKey(instance)
                && (transaction.deletedHere(instance) != null || session.detached.isDeleted(instance))) {
            throw new InvalidRequestError("cannot add " + describe(instance, mapper) + ": it has been deleted"
                    + (transaction.deletedHere(instance) != null ? " (and the DELETE flushed)" : "")
                    + ". Use session.makeTransient(object) to send it back to the transient state, so that add() "
                    + "inserts it as a new row");
        } else {
            state = new InstanceState(instance, mapper, ObjectState.PENDING);
            map.add(state);
            session.pending.add(state);
            transaction.newInTransaction.add(state);
        }
        session.cascades.track(state);
        session.cascades.cascadeAdd(state);
    }

    void delete(Object instance) {
        InstanceState state = map.state(instance);
        SessionTransaction transaction = session.transaction;
        if (state == null) {
            Mapper<?> mapper = Mapper.of(instance.getClass());
            if (transaction.deletedHere(instance) != null) {
                return; // deleted and flushed already
            }
            refuseIfOwnedElsewhere(instance, "delete");
            if (!session.detached.remove(instance)) {
                throw new InvalidRequestError(instance.getClass().getSimpleName() + " " + instance
                        + " is not persisted; only objects loaded or flushed by a session can be deleted");
            }
            state = session.reattached.attach(instance, mapper);
        }
        if (state.status() == ObjectState.PENDING) {
            session.pending.remove(state);
            transaction.newInTransaction.remove(state);
            map.remove(instance);
        } else if (state.status() == ObjectState.PERSISTENT) {
            InstanceState target = state;
            // children load before the parent is gone
            session.noAutoflush(() -> session.cascades.cascadeDelete(target));
            state.markDeleted();
            session.deleted.add(state);
        }
    }

    /**
     * Refuses an object that another open session holds, as SQLAlchemy does ("already attached to session"): taken
     * here, it would be written by both, a second INSERT or an UPDATE behind the other's back.
     */
    void refuseIfOwnedElsewhere(Object instance, String what) {
        SessionImpl other = OpenSessions.holder(instance, session);
        if (other != null) {
            throw new InvalidRequestError("cannot " + what + " " + describe(instance, Mapper.of(instance.getClass()))
                    + ": it is already attached to " + other + " (this is " + session + "). An object belongs to "
                    + "one session at a time: expunge it from the other session (or close that one) first, or "
                    + "merge() it here, which copies its state onto this session's own object");
        }
    }

    /** @return whether this session holds the object: pending, persistent, or deleted in its transaction */
    boolean holds(Object instance) {
        SessionTransaction transaction = session.transaction;
        return map.holds(instance) || (transaction.anyDeleted() && transaction.deletedHere(instance) != null);
    }

    /** @return "User with key 3", or "User (no key yet)", for messages */
    static String describe(Object instance, Mapper<?> mapper) {
        IdentityKey key = mapper.hasKey(instance) ? IdentityKey.ofInstance(mapper, instance) : null;
        return mapper.type.getSimpleName() + (key == null ? " (no key yet)" : " with key " + key.id());
    }

    void expunge(Object instance) {
        InstanceState state = map.state(instance);
        if (state == null) {
            throw new InvalidRequestError(instance.getClass().getSimpleName() + " is not in this session");
        }
        detach(state);
    }

    /** Takes an object out of the session; a persistent one is remembered as detached. */
    private void detach(InstanceState state) {
        map.remove(state.instance);
        session.pending.remove(state);
        session.deleted.remove(state);
        session.transaction.newInTransaction.remove(state);
        if (state.key() != null) {
            map.removeKey(state.key());
            if (state.status() == ObjectState.PERSISTENT) {
                session.detached.put(state.instance);
            }
        }
    }

    void expungeAll() {
        for (InstanceState s : new ArrayList<>(map.states())) {
            detach(s);
        }
        // objects whose DELETE was flushed leave too, remembered as deleted (Spring calls this after its commit)
        session.transaction.expunged();
    }

    ObjectState stateOf(Object instance) {
        InstanceState state = map.state(instance);
        if (state != null) {
            return state.status();
        }
        if (session.transaction.deletedHere(instance) != null) {
            return ObjectState.DELETED;
        }
        return session.detached.contains(instance) ? ObjectState.DETACHED : ObjectState.TRANSIENT;
    }

    void makeTransient(Object instance) {
        refuseIfOwnedElsewhere(instance, "make transient");
        InstanceState state = map.state(instance);
        if (state != null) {
            detach(state);
        }
        SessionTransaction transaction = session.transaction;
        InstanceState gone = transaction.deletedHere(instance);
        if (gone != null) {
            transaction.forgetDeletedRow(gone);
        }
        session.detached.forget(instance);
    }

    /** @return the session.pending objects (SQLAlchemy's {@code session.new}) */
    List<Object> newObjects() {
        List<Object> found = new ArrayList<>(session.pending.size());
        for (InstanceState s : session.pending) {
            found.add(s.instance);
        }
        return Collections.unmodifiableList(found);
    }

    /** @return the persistent objects with changed attributes (SQLAlchemy's {@code session.dirty}) */
    List<Object> dirtyObjects() {
        if (session.reattached.any()) {
            session.checkUsable();
            session.reattached.readSnapshots();
        }
        List<Object> found = new ArrayList<>();
        for (InstanceState s : map.persistent()) {
            if (s.status() == ObjectState.PERSISTENT && s.snapshot() != null && s.changed(s.current()).length > 0) {
                found.add(s.instance);
            }
        }
        return Collections.unmodifiableList(found);
    }

    /** @return the objects session.deleted and not yet flushed (SQLAlchemy's {@code session.deleted}) */
    List<Object> deletedObjects() {
        List<Object> found = new ArrayList<>(session.deleted.size());
        for (InstanceState s : session.deleted) {
            found.add(s.instance);
        }
        return Collections.unmodifiableList(found);
    }

    /** @return whether the object is session.pending or has changed attributes (SQLAlchemy's {@code session.is_modified}) */
    boolean isModified(Object instance) {
        InstanceState state = map.state(instance);
        if (state == null) {
            return false;
        }
        if (state.snapshot() == null && state.status() != ObjectState.PENDING) {
            session.checkUsable();
            session.reattached.readSnapshots();
        }
        return state.status() == ObjectState.PENDING || state.changed(state.current()).length > 0;
    }

    /** @return the state of a persistent object of this session; refuses any other object, naming the operation */
    InstanceState requirePersistent(Object instance, String what) {
        InstanceState state = map.state(Objects.requireNonNull(instance, "instance"));
        if (state == null || state.key() == null) {
            throw new InvalidRequestError("cannot " + what + " "
                    + instance.getClass().getSimpleName() + ": it is not persistent in this session");
        }
        return state;
    }

    /** Expires every persistent object: the next access of each loads it again. */
    void expireAll() {
        for (InstanceState s : map.persistent()) {
            s.expire();
        }
    }
}
