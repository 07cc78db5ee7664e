package dev.alchemy.orm.internal.relationships;

import dev.alchemy.engine.Row;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.mapping.RelationshipProperty.Kind;
import dev.alchemy.orm.internal.session.SessionImpl;
import dev.alchemy.orm.internal.state.CollectionState;
import dev.alchemy.orm.internal.state.CollectionState.Tracked;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.internal.state.LoadGroup;
import dev.alchemy.orm.internal.state.TrackedList;
import dev.alchemy.orm.internal.state.TrackedSet;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.ClauseElement;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Select;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Loading, cascading and synchronising relationships for one session. */
public final class Relationships {

    /** Keys per IN list, well under every database's parameter limit. */
    private static final int IN_CHUNK = 500;

    private final SessionImpl session;

    public Relationships(SessionImpl session) {
        this.session = session;
    }

    // ---------------------------------------------------------------- loading

    public static Loading effective(RelationshipProperty r, @Nullable Loading option) {
        Loading l = option != null ? option : r.loading;
        if (l == Loading.DEFAULT) {
            return r.collection ? Loading.LAZY : Loading.SELECTIN;
        }
        return l;
    }

    /** Sets up the relationships of objects a query created or refreshed. */
    public void afterLoad(Mapper<?> mapper, List<InstanceState> states, Map<String, Loading> options) {
        afterLoad(mapper, states, options, Map.of());
    }

    /**
     * Sets up the relationships of objects a query created or refreshed; {@code joined} holds what a joined load
     * already fetched, per relationship and owner.
     */
    public void afterLoad(
            Mapper<?> mapper,
            List<InstanceState> states,
            Map<String, Loading> options,
            Map<RelationshipProperty, Map<Object, List<Object>>> joined) {
        if (states.isEmpty()) {
            return;
        }
        for (RelationshipProperty r : mapper.relationshipArray) {
            r.resolve();
            Loading loading = effective(r, options.get(r.name));
            Map<Object, List<Object>> fetched = joined.get(r);
            if (fetched != null) {
                for (InstanceState st : states) {
                    List<Object> content = fetched.getOrDefault(st.instance, List.of());
                    if (r.collection) {
                        newCollection(st, r).fill(content);
                    } else {
                        Object ref = content.isEmpty() ? null : content.get(0);
                        r.set(st.instance, ref);
                        st.reference(r, ref);
                    }
                }
                continue;
            }
            if (r.collection) {
                LoadGroup group = new LoadGroup(r);
                for (InstanceState st : states) {
                    CollectionState cs = newCollection(st, r);
                    switch (loading) {
                        case RAISE -> cs.raise = true;
                        case NOLOAD -> cs.fill(List.of());
                        default -> {
                            cs.group = group;
                            group.members.add(cs);
                        }
                    }
                }
                if ((loading == Loading.SELECTIN || loading == Loading.JOINED) && !group.members.isEmpty()) {
                    loadGroup(group.members);
                }
            } else if (loading == Loading.NOLOAD || loading == Loading.RAISE) {
                for (InstanceState st : states) {
                    r.set(st.instance, null);
                }
            } else if (r.kind == Kind.MANY_TO_ONE) {
                loadReferences(r, states);
            } else {
                loadOneToOne(r, states);
            }
        }
    }

    private CollectionState newCollection(InstanceState st, RelationshipProperty r) {
        Collection<?> tracked = r.isSet ? new TrackedSet<>(session, st, r) : new TrackedList<>(session, st, r);
        r.set(st.instance, tracked);
        CollectionState cs = ((Tracked) tracked).state();
        st.collection(r, cs);
        session.collectionTracked();
        return cs;
    }

    private void loadReferences(RelationshipProperty r, List<InstanceState> states) {
        Mapper<?> target = r.target;
        int n = states.size();
        Object[] keys = new Object[n];
        Object[] refs = new Object[n];
        Set<Object> missing = null;
        for (int i = 0; i < n; i++) {
            Object fk = r.foreignKey.get(states.get(i).instance);
            keys[i] = fk;
            if (fk != null && (refs[i] = session.loaded(target, fk)) == null) {
                if (missing == null) {
                    missing = new LinkedHashSet<>();
                }
                missing.add(fk);
            }
        }
        if (missing != null) {
            for (List<Object> chunk : chunks(new ArrayList<>(missing))) {
                session.loadInternal(
                        EntitySelect.of(target.type)
                                .where(column(target.table, r.referredKey).in(chunk)),
                        false);
            }
            for (int i = 0; i < n; i++) {
                if (refs[i] == null && keys[i] != null) {
                    refs[i] = session.loaded(target, keys[i]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            InstanceState st = states.get(i);
            r.set(st.instance, refs[i]);
            st.reference(r, refs[i]);
        }
    }

    private void loadOneToOne(RelationshipProperty r, List<InstanceState> states) {
        Map<Object, InstanceState> byKey = new HashMap<>();
        for (InstanceState st : states) {
            byKey.put(r.referredKey.get(st.instance), st);
            r.set(st.instance, null);
        }
        for (List<Object> chunk : chunks(new ArrayList<>(byKey.keySet()))) {
            List<?> found = session.loadInternal(
                    EntitySelect.of(r.target.type)
                            .where(column(r.target.table, r.foreignKey).in(chunk)),
                    false);
            for (Object child : found) {
                InstanceState owner = byKey.get(r.foreignKey.get(child));
                if (owner != null) {
                    r.set(owner.instance, child);
                }
            }
        }
    }

    /** Loads every unloaded collection of a load group in one statement per chunk of owners. */
    public void loadGroup(List<CollectionState> members) {
        List<CollectionState> todo = new ArrayList<>();
        for (CollectionState cs : members) {
            if (!cs.loaded && !cs.raise) {
                todo.add(cs);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        RelationshipProperty r = todo.get(0).relationship;
        Map<Object, List<Object>> contents = new HashMap<>();
        Map<Object, CollectionState> byKey = new HashMap<>();
        for (CollectionState cs : todo) {
            Object key = r.referredKey.get(cs.owner.instance);
            byKey.put(key, cs);
            contents.put(key, new ArrayList<>());
        }
        for (List<Object> chunk : chunks(new ArrayList<>(byKey.keySet()))) {
            if (r.kind == Kind.MANY_TO_MANY) {
                loadManyToMany(r, chunk, contents);
            } else {
                EntitySelect<?> select = EntitySelect.of(r.target.type)
                        .where(column(r.target.table, r.foreignKey).in(chunk));
                select = orderBy(select, r);
                for (Object child : session.loadInternal(select, false)) {
                    List<Object> list = contents.get(r.foreignKey.get(child));
                    if (list != null) {
                        list.add(child);
                    }
                }
            }
        }
        for (Map.Entry<Object, CollectionState> e : byKey.entrySet()) {
            e.getValue().fill(contents.get(e.getKey()));
        }
    }

    private void loadManyToMany(RelationshipProperty r, List<Object> ownerKeys, Map<Object, List<Object>> contents) {
        Table secondary = r.secondaryTable();
        Select pairs = Select.of(secondary.c(r.joinColumn), secondary.c(r.inverseColumn))
                .where(secondary.c(r.joinColumn).in(ownerKeys));
        List<Object[]> links = new ArrayList<>();
        Set<Object> targetKeys = new LinkedHashSet<>();
        for (Row row : session.connectionFor(r.owner.type, pairs, false).execute(pairs)) {
            links.add(new Object[] {row.get(0), row.get(1)});
            targetKeys.add(row.get(1));
        }
        Map<Object, Object> targets = new HashMap<>();
        for (List<Object> chunk : chunks(new ArrayList<>(targetKeys))) {
            EntitySelect<?> select = orderBy(
                    EntitySelect.of(r.target.type)
                            .where(column(r.target.table, r.foreignKey).in(chunk)),
                    r);
            for (Object t : session.loadInternal(select, false)) {
                targets.put(r.foreignKey.get(t), t);
            }
        }
        List<Object> orderedTargets = new ArrayList<>(targets.values());
        for (Object[] link : links) {
            Object t = targets.get(link[1]);
            List<Object> list = contents.get(link[0]);
            if (t != null && list != null) {
                list.add(t);
            }
        }
        if (r.orderBy.length > 0) {
            for (List<Object> list : contents.values()) {
                list.sort(java.util.Comparator.comparingInt(orderedTargets::indexOf));
            }
        }
    }

    private static EntitySelect<?> orderBy(EntitySelect<?> select, RelationshipProperty r) {
        List<ClauseElement> items = new ArrayList<>();
        for (String spec : r.orderBy) {
            boolean desc = spec.startsWith("-");
            Attribute a = r.target.attribute(desc ? spec.substring(1) : spec);
            ColumnElement<Object> col = r.target.table.c(a.columnName);
            items.add(desc ? col.desc() : col);
        }
        return items.isEmpty() ? select : select.orderBy(items.toArray(ClauseElement[]::new));
    }

    private static ColumnElement<Object> column(Table table, Attribute a) {
        return table.c(a.columnName);
    }

    private static List<List<Object>> chunks(List<Object> keys) {
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += IN_CHUNK) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    // ---------------------------------------------------------------- add, delete, flush preparation

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
                newCollection(st, r); // a detached object's unloaded collection: load it lazily here
                continue;
            }
            // the application replaced the collection: diff the new one against what the old one last held
            CollectionState previous = st.collection(r);
            if (previous == null
                    && !(value instanceof Tracked)
                    && (value == null || ((Collection<?>) value).isEmpty())) {
                newCollection(st, r).loaded = true; // a new object's empty collection: nothing to diff or add
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
            CollectionState cs = newCollection(st, r);
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

    /** The related objects already in memory, without loading anything. */
    public static List<Object> loadedTargets(InstanceState st, RelationshipProperty r) {
        Object value = r.get(st.instance);
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
        for (RelationshipProperty r : st.mapper.relationshipArray) {
            r.resolve();
            if (r.kind == Kind.MANY_TO_ONE || r.kind == Kind.MANY_TO_MANY) {
                continue;
            }
            if (r.passiveDeletes && !isLoaded(st, r)) {
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
            if (st.status == ObjectState.DELETED) {
                continue;
            }
            track(st);
            cascadeAdd(st);
        }
        for (InstanceState st : work) {
            if (st.status != ObjectState.PERSISTENT) {
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
            if (st.status == ObjectState.DELETED) {
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

    /**
     * After a rollback, relationships show what the rows hold, as SQLAlchemy's expiry of every attribute does:
     * collections that the rolled-back work changed (flushed or not) are unloaded and load again on next access, and
     * many-to-one references follow the foreign keys that the rollback put back. Without this, an object the rollback
     * made transient would stay in its parent's collection, and the next commit would insert it again.
     *
     * @param states the objects of the session, their columns already put back
     * @param since the epoch at which the rolled-back transaction or savepoint began: collections loaded or flushed
     *     since then may hold what the rollback undid
     */
    public void afterRollback(Collection<InstanceState> states, long since) {
        Map<RelationshipProperty, List<InstanceState>> toLoad = null;
        for (InstanceState st : states) {
            if (st.status != ObjectState.PERSISTENT || st.mapper.relationshipArray.length == 0) {
                continue;
            }
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.collection) {
                    CollectionState cs = st.collection(r);
                    Object value = r.get(st.instance);
                    if (value instanceof Tracked t && t.state() == cs) {
                        if (cs.loaded && (cs.touched >= since || cs.changedSinceFlush())) {
                            cs.unload();
                        }
                    } else if (cs != null) {
                        newCollection(st, r); // the application replaced the collection: the stored one comes back
                    }
                } else if (r.kind == Kind.MANY_TO_ONE) {
                    Object fk = r.foreignKey.get(st.instance);
                    Object now = r.get(st.instance);
                    if (now != null
                            && fk != null
                            && session.contains(now)
                            && Attribute.same(r.referredKey.get(now), fk)) {
                        st.reference(r, now);
                        continue;
                    }
                    Object target = fk == null ? null : session.loaded(r.target, fk);
                    if (fk != null && target == null) {
                        if (toLoad == null) {
                            toLoad = new java.util.LinkedHashMap<>();
                        }
                        toLoad.computeIfAbsent(r, k -> new ArrayList<>()).add(st);
                        continue;
                    }
                    r.set(st.instance, target);
                    st.reference(r, target);
                }
            }
        }
        if (toLoad != null) {
            toLoad.forEach(this::loadReferences);
        }
    }

    /**
     * @param states the session's objects
     * @return whether the application replaced a collection of a persistent object with one of its own, which the
     *     next flush diffs against the stored elements
     */
    public static boolean anyCollectionReplaced(Collection<InstanceState> states) {
        for (InstanceState st : states) {
            RelationshipProperty[] relationships = st.mapper.relationshipArray;
            if (relationships.length == 0 || st.status != ObjectState.PERSISTENT) {
                continue;
            }
            for (RelationshipProperty r : relationships) {
                if (r.collection) {
                    CollectionState cs = st.collection(r);
                    if (cs != null && !(r.get(st.instance) instanceof Tracked t && t.state() == cs)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- flush synchronisation

    /** Sets foreign keys from many-to-one references, before the objects are written. */
    public static void syncReferences(List<InstanceState> states) {
        for (InstanceState st : states) {
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.kind != Kind.MANY_TO_ONE) {
                    continue;
                }
                Object ref = r.get(st.instance);
                if (ref != null) {
                    Object key = r.referredKey.get(ref);
                    if (key != null) {
                        r.foreignKey.set(st.instance, key);
                    }
                } else if (st.reference(r) != null) {
                    r.foreignKey.set(st.instance, null); // the application cleared the reference
                }
            }
        }
    }

    /** Sets the children's foreign keys from their parents' keys, after the parents are written. */
    public static void syncChildren(List<InstanceState> parents) {
        for (InstanceState st : parents) {
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.kind != Kind.ONE_TO_MANY && r.kind != Kind.ONE_TO_ONE) {
                    continue;
                }
                Object key = r.referredKey.get(st.instance);
                for (Object child : loadedTargets(st, r)) {
                    if (!Attribute.same(r.foreignKey.get(child), key)) {
                        r.foreignKey.set(child, key);
                    }
                }
            }
        }
    }

    /** The association rows to insert and delete for the many-to-many collections of these objects. */
    public static void associationChanges(
            Collection<InstanceState> states,
            Map<String, Map<List<Object>, Boolean>> rowsByTable,
            Map<String, RelationshipProperty> relationOf) {
        for (InstanceState st : states) {
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.kind != Kind.MANY_TO_MANY) {
                    continue;
                }
                boolean deletedOwner = st.status == ObjectState.DELETED;
                Object value = r.get(st.instance);
                if (!(value instanceof Tracked t) || (!t.state().loaded && !deletedOwner)) {
                    continue;
                }
                Object ownerKey = r.referredKey.get(st.instance);
                List<Object> added = deletedOwner ? List.of() : t.state().additions();
                List<Object> removed = deletedOwner
                        ? (t.state().loaded ? t.state().flushed : List.of())
                        : t.state().removals();
                Map<List<Object>, Boolean> rows =
                        rowsByTable.computeIfAbsent(r.secondary, k -> new java.util.LinkedHashMap<>());
                relationOf.putIfAbsent(r.secondary, r);
                boolean canonical = relationOf.get(r.secondary) == r;
                for (Object target : added) {
                    rows.put(pair(canonical, ownerKey, r.foreignKey.get(target)), true);
                }
                for (Object target : removed) {
                    rows.put(pair(canonical, ownerKey, r.foreignKey.get(target)), false);
                }
            }
        }
    }

    private static List<Object> pair(boolean canonical, @Nullable Object ownerKey, @Nullable Object targetKey) {
        return canonical ? java.util.Arrays.asList(ownerKey, targetKey) : java.util.Arrays.asList(targetKey, ownerKey);
    }

    /**
     * After a flush: what the collections and references hold now is the new baseline. Collections whose elements
     * changed are marked with the epoch, for a rollback to unload.
     */
    public static void afterFlush(Collection<InstanceState> states, long epoch) {
        for (InstanceState st : states) {
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.collection) {
                    if (r.get(st.instance) instanceof Tracked t && t.state().loaded) {
                        CollectionState cs = t.state();
                        if (cs.changedSinceFlush()) {
                            Collection<Object> items = cs.items;
                            cs.flushed = items.isEmpty() ? List.of() : new ArrayList<>(items);
                            cs.touched = epoch;
                        }
                    }
                } else if (r.kind == Kind.MANY_TO_ONE) {
                    st.reference(r, r.get(st.instance));
                }
            }
        }
    }

    /** The self-referential many-to-one of a mapper, or null. */
    public static @Nullable RelationshipProperty selfReference(Mapper<?> mapper) {
        for (RelationshipProperty r : mapper.relationshipArray) {
            r.resolve();
            if (r.kind == Kind.MANY_TO_ONE && r.target == mapper) {
                return r;
            }
        }
        return null;
    }

    /** The self-referential one-to-many of a mapper, or null. */
    public static @Nullable RelationshipProperty selfCollection(Mapper<?> mapper) {
        for (RelationshipProperty r : mapper.relationshipArray) {
            r.resolve();
            if (r.kind == Kind.ONE_TO_MANY && r.target == mapper) {
                return r;
            }
        }
        return null;
    }
}
