package dev.alchemy.orm.internal.relationships;

import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.WriteOnlyCollection;
import dev.alchemy.orm.internal.loading.RelationshipLoader;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.mapping.RelationshipProperty.Kind;
import dev.alchemy.orm.internal.mapping.WriteOnly;
import dev.alchemy.orm.internal.state.CollectionState;
import dev.alchemy.orm.internal.state.CollectionState.Tracked;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.internal.state.SessionContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The session's cascades along relationships, as SQLAlchemy's {@code cascade} options: save-update to related objects,
 * delete to children (or their foreign keys set to NULL), delete-orphan, and the tracking of collections the
 * application replaced.
 */
public final class Cascades {

    private final SessionContext session;
    private final RelationshipLoader loader;
    /**
     * Deleted parents whose children's foreign keys are still to be set to NULL, their collection never loaded: the
     * flush does it with one UPDATE per 500 parents ({@link #takeDetaches}) instead of loading the children.
     */
    private final List<ChildDetach> detaches = new ArrayList<>();

    /**
     * A deleted parent whose unloaded one-to-many collection's rows keep the parent's key: at the flush, the children
     * of the session get NULL in memory, and the rows with one UPDATE ({@code UPDATE child SET fk = NULL WHERE fk IN
     * (...)}).
     *
     * @param parent the deleted parent
     * @param relationship its one-to-many relationship
     */
    public record ChildDetach(InstanceState parent, RelationshipProperty relationship) {}

    /**
     * @param session the session the cascades add to and delete from
     * @param loader the session's relationship loader (new collections)
     */
    public Cascades(SessionContext session, RelationshipLoader loader) {
        this.session = session;
        this.loader = loader;
    }

    /** Replaces a new object's plain collections with tracked ones and sets their back-references. */
    public void track(InstanceState st) {
        for (RelationshipProperty r : st.mapper.relationshipArray) {
            r.resolve();
            if (!r.collection) {
                continue;
            }
            Object value = r.get(st.instance);
            if (value instanceof Tracked t && t.state().owner == st) {
                continue;
            }
            if (value instanceof Tracked old && !old.state().loaded) {
                loader.newCollection(st, r); // a detached object's unloaded collection: load it lazily here
                continue;
            }
            // the application replaced the collection: diff the new one against what the old one last held
            CollectionState previous = st.collection(r);
            if (previous == null
                    && !(value instanceof Tracked)
                    && (value == null || ((Collection<?>) value).isEmpty())) {
                loader.newCollection(st, r).loaded = true; // a new object's empty collection: nothing to diff or add
                continue;
            }
            if (previous != null && !previous.loaded && session.isOpen()) {
                previous.ensureLoaded();
            }
            List<Object> baseline = previous != null
                    ? new ArrayList<>(previous.flushed)
                    : value instanceof Tracked old ? new ArrayList<>(old.state().flushed) : new ArrayList<>();
            List<Object> elements = value instanceof Collection<?> c ? new ArrayList<>(c) : List.of();
            if (previous != null) {
                for (Object gone : previous.items) {
                    if (!CollectionState.identitySet(elements).contains(gone)) {
                        previous.removed(gone);
                    }
                }
            }
            CollectionState cs = loader.newCollection(st, r);
            cs.loaded = true;
            for (Object e : elements) {
                cs.items.add(e);
                cs.added(e);
            }
            cs.flushed = baseline;
        }
    }

    /** Adds the related objects reachable through save-update cascades. */
    public void cascadeAdd(InstanceState st) {
        if (st.mapper.writeOnly.length > 0) {
            cascadeAddWriteOnly(st);
        }
        for (RelationshipProperty r : st.mapper.relationshipArray) {
            if (!r.saveUpdate) {
                continue;
            }
            for (Object target : loadedTargets(st, r)) {
                // a cascade never takes back a delete, nor a bulk DELETE of the row
                if (session.stateOf(target) != ObjectState.DELETED && !session.wasBulkDeleted(target)) {
                    session.add(target);
                }
            }
        }
    }

    /** Binds the object's write-only collections and adds the children added to them (save-update). */
    private void cascadeAddWriteOnly(InstanceState st) {
        WriteOnly.bind(st.mapper, st.instance, session::collectionChanged);
        for (RelationshipProperty r : st.mapper.writeOnly) {
            WriteOnlyCollection<?> c = WriteOnly.of(r, st.instance);
            if (!r.saveUpdate || c == null) {
                continue;
            }
            for (Object child : WriteOnly.added(c)) {
                if (session.stateOf(child) != ObjectState.DELETED && !session.wasBulkDeleted(child)) {
                    session.add(child);
                }
            }
        }
    }

    /**
     * The children removed from write-only collections since the last flush: deleted (delete-orphan; a pending one
     * leaves the session) or their foreign key set to NULL.
     */
    private void removeFromWriteOnly(InstanceState st) {
        for (RelationshipProperty r : st.mapper.writeOnly) {
            WriteOnlyCollection<?> c = WriteOnly.of(r, st.instance);
            if (c == null || WriteOnly.removed(c).isEmpty()) {
                continue;
            }
            r.resolve();
            Object key = r.referredKey.get(st.instance);
            for (Object child : WriteOnly.removed(c)) {
                if (r.deleteOrphan) {
                    if (session.contains(child) && session.stateOf(child) == ObjectState.PENDING) {
                        session.expunge(child);
                    } else if (session.contains(child) && session.stateOf(child) != ObjectState.DELETED) {
                        session.delete(child);
                    }
                } else if (key != null && Attribute.same(r.foreignKey.get(child), key)) {
                    r.foreignKey.set(child, null);
                }
            }
        }
    }

    /** The related objects already in memory, without loading anything. */
    public static List<Object> loadedTargets(InstanceState st, RelationshipProperty r) {
        return loadedTargets(st.instance, r);
    }

    /** The related objects already in memory, of an object the session may not hold, without loading anything. */
    public static List<Object> loadedTargets(Object instance, RelationshipProperty r) {
        Object value = r.get(instance);
        if (value == null) {
            return List.of();
        }
        if (!r.collection) {
            return List.of(value);
        }
        if (value instanceof Tracked t) {
            Collection<Object> items = t.state().items;
            return t.state().loaded && !items.isEmpty() ? new ArrayList<>(items) : List.of();
        }
        Collection<?> plain = (Collection<?>) value;
        return plain.isEmpty() ? List.of() : new ArrayList<>(plain);
    }

    /** Cascades a delete to children, or detaches children that stay (their foreign key becomes NULL). */
    public void cascadeDelete(InstanceState st) {
        for (RelationshipProperty r : st.mapper.writeOnly) {
            r.resolve();
            if (!r.passiveDeletes) {
                detaches.add(new ChildDetach(st, r)); // never loaded: the children let go with one UPDATE
            }
        }
        for (RelationshipProperty r : st.mapper.relationshipArray) {
            r.resolve();
            if (r.kind == Kind.MANY_TO_ONE || r.kind == Kind.MANY_TO_MANY) {
                continue;
            }
            if (r.passiveDeletes && !isLoaded(st, r)) {
                continue;
            }
            if (!isLoaded(st, r) && detachesInBulk(r)) {
                detaches.add(new ChildDetach(st, r)); // at the flush: no SELECT of the children, one UPDATE
                continue;
            }
            List<Object> children = r.collection ? loadedCollection(st, r) : single(r.get(st.instance));
            for (Object child : children) {
                if (r.delete) {
                    session.delete(child);
                } else if (!r.passiveDeletes) {
                    r.foreignKey.set(child, null);
                    if (r.back != null && !r.back.collection && r.back.get(child) == st.instance) {
                        r.back.set(child, null);
                    }
                }
            }
        }
    }

    /**
     * Whether the children of a deleted parent can be let go with one UPDATE of their foreign key rather than loaded
     * and updated one by one (issue 26, W7): a one-to-many whose children stay (no delete cascade), keyed by plain
     * values (no converter), without a version counter (a bulk UPDATE would not move it, so another session would
     * not see its copy is stale).
     */
    private static boolean detachesInBulk(RelationshipProperty r) {
        return r.kind == Kind.ONE_TO_MANY
                && r.collection
                && !r.delete
                && !r.passiveDeletes
                && r.secondary == null
                && r.target.version == null
                && r.foreignKey.converter == null
                && r.referredKey.converter == null;
    }

    /**
     * Before a flush: the parents deleted with their collection unloaded whose children are still to be let go. The
     * children of the session among them get NULL in their foreign key (and their reference to the parent) now, so
     * that the flush writes them as it writes any change; the caller runs the UPDATE for the rows of the others. The
     * parents deleted since the last successful flush are returned each time, until {@link #detachesDone()}.
     *
     * @param states every object of the session
     * @return per relationship, the keys of its deleted parents
     */
    public java.util.Map<RelationshipProperty, List<Object>> takeDetaches(Collection<InstanceState> states) {
        if (detaches.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<RelationshipProperty, java.util.Map<Object, InstanceState>> byRelationship =
                new java.util.LinkedHashMap<>();
        for (ChildDetach d : detaches) {
            if (d.parent().status() != ObjectState.DELETED || !session.contains(d.parent().instance)) {
                continue; // its delete was undone, or the object expunged with it
            }
            Object key = d.parent().key() == null
                    ? null
                    : d.relationship().referredKey.get(d.parent().instance);
            if (key != null) {
                byRelationship
                        .computeIfAbsent(d.relationship(), r -> new java.util.LinkedHashMap<>())
                        .putIfAbsent(normalized(key), d.parent());
            }
        }
        java.util.Map<RelationshipProperty, List<Object>> keys = new java.util.LinkedHashMap<>();
        for (var e : byRelationship.entrySet()) {
            RelationshipProperty r = e.getKey();
            java.util.Map<Object, InstanceState> parents = e.getValue();
            for (InstanceState child : states) {
                if (child.mapper != r.target || child.status() == ObjectState.DELETED) {
                    continue;
                }
                Object fk = r.foreignKey.get(child.instance);
                InstanceState parent = fk == null ? null : parents.get(normalized(fk));
                if (parent != null) {
                    r.foreignKey.set(child.instance, null);
                    if (r.back != null && !r.back.collection && r.back.get(child.instance) == parent.instance) {
                        r.back.set(child.instance, null);
                    }
                }
            }
            List<Object> values = new ArrayList<>(parents.size());
            for (InstanceState parent : parents.values()) {
                values.add(r.referredKey.get(parent.instance));
            }
            keys.put(r, values);
        }
        return keys;
    }

    /** After a successful flush: the children of the parents deleted so far were let go. */
    public void detachesDone() {
        detaches.clear();
    }

    /** A key to look up by value: integral numbers as longs, since a key and a foreign key may differ in Java type. */
    private static Object normalized(Object key) {
        if (key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        return key;
    }

    private static boolean isLoaded(InstanceState st, RelationshipProperty r) {
        return !(r.get(st.instance) instanceof Tracked t) || t.state().loaded;
    }

    private static List<Object> loadedCollection(InstanceState st, RelationshipProperty r) {
        Object value = r.get(st.instance);
        if (value instanceof Tracked t) {
            t.state().ensureLoaded();
            return new ArrayList<>(t.state().items);
        }
        return value == null ? List.of() : new ArrayList<>((Collection<?>) value);
    }

    private static List<Object> single(@Nullable Object o) {
        return o == null ? List.of() : List.of(o);
    }

    /**
     * Before a flush: cascade save-update to related objects added since, track replaced collections, mirror changed
     * many-to-one references into the parents' loaded collections, and delete orphans.
     */
    public void beforeFlush(Collection<InstanceState> states) {
        List<InstanceState> work = new ArrayList<>(states);
        for (InstanceState st : work) {
            if (st.status() == ObjectState.DELETED) {
                continue;
            }
            track(st);
            cascadeAdd(st);
            if (st.mapper.writeOnly.length > 0) {
                removeFromWriteOnly(st);
            }
        }
        for (InstanceState st : work) {
            if (st.status() != ObjectState.PERSISTENT) {
                continue;
            }
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.kind == Kind.MANY_TO_ONE && st.hasReference(r)) {
                    Object before = st.reference(r);
                    Object now = r.get(st.instance);
                    if (before != now && r.back != null && r.back.collection) {
                        if (before != null && r.back.get(before) instanceof Tracked t && t.state().loaded) {
                            t.state().items.removeIf(e -> e == st.instance);
                        }
                        if (now != null
                                && r.back.get(now) instanceof Tracked t
                                && t.state().loaded
                                && !CollectionState.identitySet(t.state().items).contains(st.instance)) {
                            t.state().items.add(st.instance);
                        }
                    }
                }
            }
        }
        Set<Object> adopted = null;
        for (InstanceState st : work) {
            // a deleted parent's orphans too: removed before the parent's delete, its cascade did not reach them
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.deleteOrphan && r.get(st.instance) instanceof Tracked t && t.state().loaded) {
                    for (Object removed : t.state().removals()) {
                        RelationshipProperty back = r.back;
                        Object parent = back != null && !back.collection ? back.get(removed) : null;
                        if (parent != null && parent != st.instance) {
                            continue; // moved to another parent
                        }
                        if (adopted == null) {
                            adopted = adoptedElements(work);
                        }
                        if (adopted.contains(removed)) {
                            continue; // moved to another parent's collection, with no back-reference to say so
                        }
                        if (session.contains(removed) && session.stateOf(removed) != ObjectState.DELETED) {
                            if (session.stateOf(removed) == ObjectState.PENDING) {
                                session.expunge(removed);
                            } else {
                                session.delete(removed);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * @return the objects that a delete-orphan collection of a live parent holds now but did not at the last flush:
     *     removed from one parent and added to another, such an object moved and is no orphan, as SQLAlchemy decides
     *     by asking whether any parent still has it
     */
    private static Set<Object> adoptedElements(List<InstanceState> states) {
        Set<Object> adopted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (InstanceState st : states) {
            if (st.status() == ObjectState.DELETED) {
                continue;
            }
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.deleteOrphan && r.get(st.instance) instanceof Tracked t && t.state().loaded) {
                    adopted.addAll(t.state().additions());
                }
            }
        }
        return adopted;
    }
}
