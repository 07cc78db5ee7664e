package dev.alchemy.orm.internal.loading;

import dev.alchemy.engine.Row;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.mapping.RelationshipProperty.Kind;
import dev.alchemy.orm.internal.state.CollectionState;
import dev.alchemy.orm.internal.state.CollectionState.Tracked;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.internal.state.LoadGroup;
import dev.alchemy.orm.internal.state.SessionContext;
import dev.alchemy.orm.internal.state.TrackedList;
import dev.alchemy.orm.internal.state.TrackedSet;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.ClauseElement;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Select;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Loads relationships for one session, as SQLAlchemy's {@code strategies.py} does: after a query built objects, each
 * relationship is set up by its loader strategy ({@link LoaderStrategy}); collections of a load group load together,
 * one statement per 500 owners, so that iterating objects and their collections is never N+1.
 */
public final class RelationshipLoader {

    /** Keys per IN list, well under every database's parameter limit. */
    private static final int IN_CHUNK = 500;

    private final SessionContext session;

    /** @param session the session whose objects this loads for */
    public RelationshipLoader(SessionContext session) {
        this.session = session;
    }

    /**
     * @param r a relationship
     * @param option the loader option a query gave it, or null
     * @return how it loads: the option, else the relationship's own; DEFAULT is lazy for collections and selectin for
     *     references
     */
    public static Loading effective(RelationshipProperty r, @Nullable Loading option) {
        Loading l = option != null ? option : r.loading;
        if (l == Loading.DEFAULT) {
            return r.collection ? Loading.LAZY : Loading.SELECTIN;
        }
        return l;
    }

    /** Sets up the relationships of objects a query created or refreshed. */
    public void afterLoad(Mapper<?> mapper, List<InstanceState> states, LoaderOptions options) {
        afterLoad(mapper, states, options, Map.of());
    }

    /**
     * Sets up the relationships of objects a query created or refreshed; {@code joined} holds what a joined load
     * already fetched, per relationship and owner.
     */
    public void afterLoad(
            Mapper<?> mapper,
            List<InstanceState> states,
            LoaderOptions options,
            Map<RelationshipProperty, Map<Object, List<Object>>> joined) {
        afterLoad(mapper, states, options, joined, LazyLoader.NO_GROUPS);
    }

    /**
     * Sets up the relationships of objects a query created or refreshed, but for the lazily loaded collections whose
     * groups the query filled row by row ({@link LazyLoader#groupsFor}).
     */
    void afterLoad(
            Mapper<?> mapper,
            List<InstanceState> states,
            LoaderOptions options,
            Map<RelationshipProperty, Map<Object, List<Object>>> joined,
            LoadGroup[] filled) {
        if (states.isEmpty()) {
            return;
        }
        relationships:
        for (RelationshipProperty r : mapper.relationshipArray) {
            for (LoadGroup g : filled) {
                if (g.relationship == r) {
                    continue relationships;
                }
            }
            r.resolve();
            Map<Object, List<Object>> fetched = joined.get(r);
            List<LoadOption> next = options.next(r.name);
            if (fetched != null) {
                JoinedLoader.fill(this, r, states, fetched);
                if (!next.isEmpty()) {
                    List<Object> children = new ArrayList<>();
                    fetched.values().forEach(children::addAll);
                    applyNested(children, next); // the fresh ones had them already; the session's own get them here
                }
            } else {
                LoaderStrategy.of(effective(r, options.loading(r.name))).load(this, r, states, next);
            }
        }
    }

    /**
     * Gives each object a tracked collection in a load group, loaded together on first access of any of them.
     *
     * @param r a collection relationship
     * @param states the objects
     * @return the group
     */
    LoadGroup group(RelationshipProperty r, List<InstanceState> states, List<LoadOption> next) {
        LoadGroup group = new LoadGroup(r, next);
        for (InstanceState st : states) {
            LazyLoader.join(this, group, st);
        }
        return group;
    }

    /**
     * Loads the references (many-to-one) or the single child (one-to-one) of every object, a statement per 500.
     *
     * @param r a relationship that is not a collection
     * @param states the objects
     * @param next the loader options for the relationships of the objects loaded
     */
    void loadSingle(RelationshipProperty r, List<InstanceState> states, List<LoadOption> next) {
        if (r.kind == Kind.MANY_TO_ONE) {
            loadReferences(r, states, next);
        } else {
            loadOneToOne(r, states, next);
        }
    }

    /**
     * Gives an object a new tracked collection for a relationship, not yet loaded.
     *
     * @param st the owner
     * @param r the collection relationship
     * @return the collection's state
     */
    public CollectionState newCollection(InstanceState st, RelationshipProperty r) {
        Collection<?> tracked = r.isSet ? new TrackedSet<>(session, st, r) : new TrackedList<>(session, st, r);
        r.set(st.instance, tracked);
        CollectionState cs = ((Tracked) tracked).state();
        st.collection(r, (Tracked) tracked);
        session.collectionTracked();
        return cs;
    }

    /**
     * Sets the many-to-one references of objects from their foreign keys, loading the targets not yet in the session
     * in one statement per 500 keys.
     *
     * @param r a many-to-one relationship
     * @param states the objects
     */
    public void loadReferences(RelationshipProperty r, List<InstanceState> states) {
        loadReferences(r, states, List.of());
    }

    private void loadReferences(RelationshipProperty r, List<InstanceState> states, List<LoadOption> next) {
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
                        withOptions(
                                EntitySelect.of(target.type)
                                        .where(target.column(r.referredKey).in(chunk)),
                                next),
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
        if (!next.isEmpty()) {
            applyNested(Arrays.asList(refs), next);
        }
    }

    private void loadOneToOne(RelationshipProperty r, List<InstanceState> states, List<LoadOption> next) {
        Map<Object, InstanceState> byKey = new HashMap<>();
        for (InstanceState st : states) {
            byKey.put(r.referredKey.get(st.instance), st);
            r.set(st.instance, null);
        }
        for (List<Object> chunk : chunks(new ArrayList<>(byKey.keySet()))) {
            List<?> found = session.loadInternal(
                    withOptions(
                            EntitySelect.of(r.target.type)
                                    .where(r.target.column(r.foreignKey).in(chunk)),
                            next),
                    false);
            for (Object child : found) {
                InstanceState owner = byKey.get(r.foreignKey.get(child));
                if (owner != null) {
                    r.set(owner.instance, child);
                }
            }
            if (!next.isEmpty()) {
                applyNested(found, next);
            }
        }
    }

    /** Loads every unloaded collection of a load group in one statement per chunk of owners. */
    public void loadGroup(List<CollectionState> members) {
        LoadGroup group = members.isEmpty() ? null : members.get(0).group;
        loadGroup(members, group == null ? List.of() : group.next);
    }

    /**
     * Loads unloaded collections of one relationship in one statement per chunk of owners.
     *
     * @param members the collections
     * @param next the loader options for the relationships of the objects they hold
     */
    private void loadGroup(List<CollectionState> members, List<LoadOption> next) {
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
                loadManyToMany(r, chunk, contents, next);
            } else {
                EntitySelect<?> select = EntitySelect.of(r.target.type)
                        .where(r.target.column(r.foreignKey).in(chunk));
                select = withOptions(orderBy(select, r), next);
                for (Object child : session.loadInternal(select, false)) {
                    List<Object> list = contents.get(r.foreignKey.get(child));
                    if (list != null) {
                        list.add(child);
                    }
                }
            }
        }
        for (Map.Entry<Object, CollectionState> e : byKey.entrySet()) {
            e.getValue().fill(Objects.requireNonNull(contents.get(e.getKey())));
        }
        if (!next.isEmpty()) {
            List<Object> children = new ArrayList<>();
            contents.values().forEach(children::addAll);
            applyNested(children, next);
        }
    }

    /**
     * Applies loader options to objects a query or a relationship load reached, whether the load built them or the
     * session held them already: an eager option (selectin, joined) loads the relationship where it is not loaded yet,
     * one statement per 500 owners, and the options chained after it go on to the objects it holds. Lazy, raise and
     * noload options leave objects the session already held as they are, as SQLAlchemy does; the load gave them to
     * the objects it built.
     *
     * @param objects the objects, of the class the options name relationships of (or a subclass)
     * @param next the options
     */
    public void applyNested(Collection<?> objects, List<LoadOption> next) {
        for (LoadOption o : next) {
            if (o.loading() != Loading.SELECTIN && o.loading() != Loading.JOINED) {
                continue;
            }
            List<CollectionState> unloaded = new ArrayList<>();
            List<Object> reached = new ArrayList<>();
            for (Object object : objects) {
                if (object == null) {
                    continue;
                }
                RelationshipProperty r = Mapper.of(object.getClass()).relationship(o.relationship());
                r.resolve();
                Object value = r.get(object);
                if (value instanceof Tracked t && !t.state().loaded) {
                    if (!t.state().raise) {
                        unloaded.add(t.state());
                    }
                } else if (value instanceof Collection<?> c) {
                    reached.addAll(c);
                } else if (value != null) {
                    reached.add(value);
                }
            }
            if (!unloaded.isEmpty()) {
                loadGroup(unloaded, o.next()); // goes on to the objects it loads
            }
            if (!reached.isEmpty() && !o.next().isEmpty()) {
                applyNested(reached, o.next());
            }
        }
    }

    private static EntitySelect<?> withOptions(EntitySelect<?> select, List<LoadOption> next) {
        return next.isEmpty() ? select : select.options(next.toArray(LoadOption[]::new));
    }

    private void loadManyToMany(
            RelationshipProperty r, List<Object> ownerKeys, Map<Object, List<Object>> contents, List<LoadOption> next) {
        Table secondary = r.secondaryTable();
        Select pairs = Select.of(secondary.c(r.joinColumn()), secondary.c(r.inverseColumn()))
                .where(secondary.c(r.joinColumn()).in(ownerKeys));
        List<Object[]> links = new ArrayList<>();
        Set<Object> targetKeys = new LinkedHashSet<>();
        for (Row row : session.connectionFor(r.owner.type, pairs, false).execute(pairs)) {
            links.add(new Object[] {row.get(0), row.get(1)});
            targetKeys.add(row.get(1));
        }
        Map<Object, Object> targets = new HashMap<>();
        for (List<Object> chunk : chunks(new ArrayList<>(targetKeys))) {
            EntitySelect<?> select = withOptions(
                    orderBy(
                            EntitySelect.of(r.target.type)
                                    .where(r.target.column(r.foreignKey).in(chunk)),
                            r),
                    next);
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
            ColumnElement<Object> col = r.target.column(a);
            items.add(desc ? col.desc() : col);
        }
        return items.isEmpty() ? select : select.orderBy(items.toArray(ClauseElement[]::new));
    }

    private static List<List<Object>> chunks(List<Object> keys) {
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += IN_CHUNK) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + IN_CHUNK)));
        }
        return chunks;
    }
}
