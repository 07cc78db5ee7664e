package dev.alchemy.orm.internal.loading;

import dev.alchemy.engine.Executable;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Row;
import dev.alchemy.engine.StreamingResult;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.mapping.WriteOnly;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.internal.state.LoadGroup;
import dev.alchemy.orm.internal.state.SessionContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns rows into objects, as SQLAlchemy's {@code loading.py}: one object per identity key (the identity map's, when
 * the session holds it already), fields populated from the row, relationships set up by their loader strategies.
 */
public final class ObjectLoader {

    private final SessionContext session;
    private final IdentityMap map;
    private final RelationshipLoader relationships;
    /** The lists told about new objects ({@link #record}); usually none. */
    private final List<List<InstanceState>> recorders = new ArrayList<>(0);

    /**
     * @param session the session the objects belong to
     * @param map its identity map
     * @param relationships its relationship loader
     */
    public ObjectLoader(SessionContext session, IdentityMap map, RelationshipLoader relationships) {
        this.session = session;
        this.map = map;
        this.relationships = relationships;
    }

    /**
     * Runs an entity select and returns its objects.
     *
     * @param select the select
     * @param parameters its bound parameters
     * @param overwrite whether the fields of objects the session holds are overwritten (refresh, populate existing)
     * @return the objects, each once, in row order
     */
    public <T> List<T> load(EntitySelect<T> select, Map<String, ?> parameters, boolean overwrite) {
        Plan<T> plan = plan(select, null);
        Result result =
                session.connectionFor(plan.mapper.type, plan.statement, false).execute(plan.statement, parameters);
        List<Row> rows = result.all();
        map.reserve(rows.size());
        return build(plan, rows, overwrite);
    }

    /**
     * Runs an entity select over a server-side cursor and builds its objects a batch of rows at a time, as
     * SQLAlchemy's {@code yield_per}: each batch's objects are complete (eager relationships loaded, {@code load}
     * events fired) before it is handed out. A joined eager load of a collection needs every row of an owner, which a
     * batch may split: {@code strict} refuses it, as SQLAlchemy does, otherwise it is loaded selectin per batch.
     *
     * @param select the select
     * @param parameters its bound parameters
     * @param overwrite whether the fields of objects the session holds are overwritten
     * @param batchSize the rows per batch
     * @param strict whether a joined eager load of a collection is refused rather than loaded selectin
     * @return the batches; close them
     * @throws InvalidRequestError when strict and a collection is loaded joined
     */
    public <T> ObjectBatches<T> stream(
            EntitySelect<T> select, Map<String, ?> parameters, boolean overwrite, int batchSize, boolean strict) {
        Plan<T> plan = plan(select, strict ? Boolean.TRUE : Boolean.FALSE);
        StreamingResult result = session.connectionFor(plan.mapper.type, plan.statement, false).stream(
                plan.statement, parameters, batchSize);
        return new ObjectBatches<>(this, plan, result, overwrite, batchSize);
    }

    /** What a select loads and how: its mapper, loader options, joined eager loads and the statement to run. */
    static final class Plan<T> {
        final Mapper<T> mapper;
        final LoaderOptions options;
        /** The select's own options, for objects the session already held ({@link RelationshipLoader#applyNested}). */
        final List<LoadOption> given;

        final @Nullable JoinedLoad joinedLoad;
        final Executable statement;
        final boolean populate;

        Plan(
                Mapper<T> mapper,
                LoaderOptions options,
                List<LoadOption> given,
                @Nullable JoinedLoad joinedLoad,
                Executable statement,
                boolean populate) {
            this.mapper = mapper;
            this.options = options;
            this.given = given;
            this.joinedLoad = joinedLoad;
            this.statement = statement;
            this.populate = populate;
        }
    }

    /**
     * @param streamed null for a load read whole; for a stream, whether a joined collection is refused (TRUE) or
     *     loaded selectin instead (FALSE)
     */
    private <T> Plan<T> plan(EntitySelect<T> select, @Nullable Boolean streamed) {
        Mapper<T> mapper = Mapper.of(select.type());
        LoaderOptions options = LoaderOptions.of(select.loaderOptions()); // checked by EntitySelect.options
        if (streamed != null) {
            for (RelationshipProperty r : mapper.relationshipArray) {
                r.resolve();
                if (r.collection && RelationshipLoader.effective(r, options.loading(r.name)) == Loading.JOINED) {
                    if (streamed) {
                        throw new InvalidRequestError("yieldPer cannot be used with the joined eager load of the "
                                + "collection " + mapper.type.getSimpleName() + "." + r.name + ": a batch of rows may "
                                + "end in the middle of an owner's joined rows. Load it per batch with "
                                + "options(Load.selectin(...)), or lazily with Load.lazy(...)");
                    }
                    options = options.with(r.name, Loading.SELECTIN); // per batch, one IN query: what the owners need
                }
            }
        }
        JoinedLoad joinedLoad = mapper.relationships.isEmpty()
                ? null
                : JoinedLoad.plan(
                        mapper,
                        select.select(),
                        options,
                        select.includesLoaderCriteria() ? session::loaderCriteria : null);
        JoinedLoad used = joinedLoad != null && !joinedLoad.joined.isEmpty() ? joinedLoad : null;
        return new Plan<>(
                mapper,
                options,
                select.loaderOptions(),
                used,
                used != null ? used.select : select,
                select.isPopulateExisting());
    }

    /** Builds the objects of some rows of a plan's statement, their relationships and their load events. */
    <T> List<T> build(Plan<T> plan, List<Row> rows, boolean overwrite) {
        Mapper<T> mapper = plan.mapper;
        JoinedLoad joinedLoad = plan.joinedLoad;
        boolean joined = joinedLoad != null;
        List<T> objects = new ArrayList<>(rows.size());
        boolean distinct = true;
        boolean populate = overwrite || plan.populate;
        boolean polymorphic = mapper.isPolymorphic();
        List<InstanceState> fresh = new ArrayList<>();
        LoadEvents events = new LoadEvents(session.mapperListeners());
        Map<RelationshipProperty, Map<Object, List<Object>>> related = joined ? new HashMap<>() : Map.of();
        Map<RelationshipProperty, List<InstanceState>> freshRelated = joined ? new LinkedHashMap<>() : Map.of();
        Set<Object> seen = joined ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
        Mapper<?>[] rowMappers = null;
        Object[][] rowValues = null;
        if (polymorphic && mapper.layout.defersSubclasses()) {
            // subclasses loaded by selectin: their rows' values completed before any object is built
            rowMappers = new Mapper<?>[rows.size()];
            rowValues = new Object[rows.size()][];
            int i = 0;
            for (Row row : rows) {
                rowMappers[i] = mapper.layout.mapperForRow(row, 0);
                rowValues[i] = rowMappers[i].layout.rowValues(row, 0);
                i++;
            }
            SelectinPolymorphic.fill(session, map, mapper, rowMappers, rowValues, populate);
        }
        // the query's own lazily loaded collections are set up row by row, while each new object is in cache
        LoadGroup[] lazy = polymorphic || mapper.relationships.isEmpty()
                ? LazyLoader.NO_GROUPS
                : LazyLoader.groupsFor(mapper, plan.options, joinedLoad);
        int index = 0;
        for (Row row : rows) {
            int known = map.keyCount();
            int built = fresh.size();
            // a hierarchy's row loads an object of the class its discriminator names
            Mapper<?> rowMapper;
            Object[] ownerValues;
            if (rowMappers != null && rowValues != null) {
                rowMapper = rowMappers[index];
                ownerValues = rowValues[index];
            } else {
                rowMapper = polymorphic ? mapper.layout.mapperForRow(row, 0) : mapper;
                ownerValues = rowMapper.layout.rowValues(row, 0);
            }
            index++;
            Object owner = instanceFor(rowMapper, ownerValues, populate, fresh, events);
            if (lazy.length > 0 && fresh.size() > built) {
                InstanceState st = fresh.get(built);
                for (LoadGroup g : lazy) {
                    LazyLoader.join(relationships, g, st);
                }
            }
            if (map.keyCount() == known) {
                distinct = false; // an object the session held already: a row may repeat it
            }
            if (seen == null || seen.add(owner)) {
                objects.add(mapper.type.cast(owner));
            }
            if (joinedLoad != null) {
                for (JoinedLoad.Joined j : joinedLoad.joined) {
                    Mapper<?> target = j.relationship().target.layout.mapperForRow(row, j.offset());
                    Object[] values = target.layout.rowValues(row, j.offset());
                    Map<Object, List<Object>> byOwner =
                            related.computeIfAbsent(j.relationship(), k -> new IdentityHashMap<>());
                    List<Object> list = byOwner.computeIfAbsent(owner, k -> new ArrayList<>());
                    Object childId = IdentityKey.fromValues(target, values).id();
                    if (childId != null && !(childId instanceof List<?> ids && ids.contains(null))) {
                        Object child = instanceFor(
                                target,
                                values,
                                populate,
                                freshRelated.computeIfAbsent(j.relationship(), k -> new ArrayList<>()),
                                events);
                        if (!list.contains(child)) {
                            list.add(child);
                        }
                    }
                }
            }
        }
        for (Map.Entry<RelationshipProperty, List<InstanceState>> e : freshRelated.entrySet()) {
            RelationshipProperty r = e.getKey();
            relationships.afterLoad(r.target, e.getValue(), LoaderOptions.of(plan.options.next(r.name)));
        }
        if (polymorphic) {
            afterPolymorphicLoad(mapper, fresh, plan.options, related);
        } else if (!mapper.relationships.isEmpty() && !fresh.isEmpty()) {
            relationships.afterLoad(mapper, fresh, plan.options, related, lazy);
        }
        if (!plan.given.isEmpty() && fresh.size() < objects.size()) {
            // objects the session held already: eager options load what they have not loaded yet, as SQLAlchemy does
            relationships.applyNested(objects, plan.given);
        }
        events.fire();
        return new LoadedList<>(objects, distinct);
    }

    /**
     * Starts telling {@code sink} about every object this loader builds anew (a stream's batch, and what its eager
     * and lazy loads bring), until {@link #stopRecording}: the objects a stream that expunges each batch takes out.
     *
     * @param sink where the new objects' states go
     */
    public void record(List<InstanceState> sink) {
        recorders.add(sink);
    }

    /** @param sink a list given to {@link #record}, which hears no more */
    public void stopRecording(List<InstanceState> sink) {
        for (int i = 0; i < recorders.size(); i++) {
            if (recorders.get(i) == sink) {
                recorders.remove(i);
                return;
            }
        }
    }

    /**
     * Sets up the relationships of a hierarchy's objects with their own class's relationships (a subclass's mapper
     * has its own properties, its inherited ones at the same index as the superclass's).
     */
    private void afterPolymorphicLoad(
            Mapper<?> mapper,
            List<InstanceState> fresh,
            LoaderOptions options,
            Map<RelationshipProperty, Map<Object, List<Object>>> related) {
        Map<Mapper<?>, List<InstanceState>> byClass = new LinkedHashMap<>();
        for (InstanceState s : fresh) {
            byClass.computeIfAbsent(s.mapper, k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<Mapper<?>, List<InstanceState>> e : byClass.entrySet()) {
            Mapper<?> m = e.getKey();
            if (m.relationships.isEmpty()) {
                continue;
            }
            Map<RelationshipProperty, Map<Object, List<Object>>> joined = related;
            if (m != mapper && !related.isEmpty()) {
                joined = new HashMap<>();
                for (Map.Entry<RelationshipProperty, Map<Object, List<Object>>> r : related.entrySet()) {
                    joined.put(m.relationshipArray[r.getKey().ordinal], r.getValue());
                }
            }
            relationships.afterLoad(m, e.getValue(), options, joined);
        }
    }

    /**
     * @param row a row
     * @param from the first column
     * @param count how many columns
     * @return the row's values from {@code from}, {@code count} of them
     */
    public static Object[] values(Row row, int from, int count) {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = row.get(from + i);
        }
        return values;
    }

    /**
     * @param mapper a class's mapper
     * @param id a single-column primary key value
     * @return the loaded object of that class with that key, or null
     */
    public @Nullable Object loaded(Mapper<?> mapper, Object id) {
        InstanceState state = map.get(new IdentityKey(mapper.identityType, id));
        return state == null ? null : state.instance;
    }

    private Object instanceFor(
            Mapper<?> mapper, Object[] values, boolean populate, List<InstanceState> fresh, LoadEvents events) {
        IdentityKey key = IdentityKey.fromValues(mapper, values);
        InstanceState existing = map.get(key);
        if (existing != null) {
            if (existing.expired() || populate) {
                populate(existing, values, populate && !existing.expired());
                fresh.add(existing);
                events.refreshed(existing);
            }
            return existing.instance;
        }
        Object instance = mapper.newInstance();
        mapper.writeAll(instance, values);
        if (mapper.writeOnly.length > 0) {
            WriteOnly.bind(mapper, instance, session::collectionChanged);
        }
        InstanceState state = InstanceState.loaded(instance, mapper, key, values);
        map.add(state);
        map.putKey(key, state);
        for (int i = 0; i < recorders.size(); i++) {
            recorders.get(i).add(state);
        }
        fresh.add(state);
        events.loaded(state);
        return instance;
    }

    /**
     * Overwrites an object's fields with a row. For an expired object, fields changed since the last load or flush
     * keep the new value (they are still written by the next flush), as SQLAlchemy keeps attributes set after expiry.
     */
    private static void populate(InstanceState state, Object[] values, boolean overwriteChanges) {
        Object[] snapshot = state.snapshot();
        List<Attribute> attributes = state.mapper.attributes;
        for (int i = 0; i < values.length; i++) {
            Attribute a = attributes.get(i);
            if (!overwriteChanges && snapshot != null && !a.sameValue(a.get(state.instance), snapshot[i])) {
                continue;
            }
            a.set(state.instance, values[i]);
        }
        state.populated(values);
    }
}
