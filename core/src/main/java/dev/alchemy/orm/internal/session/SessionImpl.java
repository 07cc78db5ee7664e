package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Conversions;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Row;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.AlchemyException;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.PendingRollbackError;
import dev.alchemy.exc.ResourceClosedError;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.OrmObserver;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.ScalarResult;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.internal.flush.Errors;
import dev.alchemy.orm.internal.flush.UnitOfWork;
import dev.alchemy.orm.internal.loading.JoinedLoad;
import dev.alchemy.orm.internal.loading.LoadedList;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.relationships.Relationships;
import dev.alchemy.orm.internal.state.CollectionState;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.internal.state.StateSet;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Select;
import dev.alchemy.sql.Update;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The session: identity map, object states, the transaction's connection, and the unit of work. */
public final class SessionImpl implements Session {

    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    /** A number naming this session in messages ("already attached to session 3"), as SQLAlchemy's hash_key. */
    public final long id = IDS.incrementAndGet();

    private final Engine engine;
    private final boolean autoflush;
    private final boolean readOnly;
    private final boolean expireOnCommit;
    /** Every object of the session by identity; replaced by a presized map when a large load finds it empty. */
    private Map<Object, InstanceState> states = new IdentityHashMap<>(4); // a session per request holds few

    private final Relationships relationships = new Relationships(this);
    /** Objects whose rows a bulk DELETE removed: cascades must not insert them again. */
    private @Nullable Set<Object> bulkDeleted; // created by the first bulk DELETE: most sessions never need it
    /**
     * Counts transactions and savepoints: it moves on when a transaction ends and when a savepoint begins, so that
     * collections loaded or flushed since a transaction or savepoint began can be told apart at its rollback.
     */
    private long epoch;
    /** The epoch at which the current transaction began. */
    private long transactionEpoch;

    /** Open savepoints, innermost first. */
    private final java.util.Deque<Savepoint> savepoints = new java.util.ArrayDeque<>(2);

    /** The persistent objects by class and key; replaced like {@link #states}. */
    private Map<IdentityKey, InstanceState> identityMap = new HashMap<>();
    /** How many objects {@link #states} and {@link #identityMap} were last sized for. */
    private int mapsSizedFor;

    private final StateSet pending = new StateSet(StateSet.Kind.PENDING);
    private final Set<InstanceState> deleted = new LinkedHashSet<>();
    /**
     * Objects inserted or added during the current transaction, to undo on rollback; a set, because every INSERT
     * asks whether its object is already here (a list made a flush of n new objects O(n²)).
     */
    private final StateSet newInTransaction = new StateSet(StateSet.Kind.NEW_IN_TRANSACTION);

    private final List<InstanceState> deletedInTransaction = new ArrayList<>();
    /**
     * What each UPDATE of the transaction overwrote, oldest first, to put back on rollback: the object's change is
     * then pending again, with the version it had, instead of looking written (see {@link UpdateUndo}).
     */
    private final List<UpdateUndo> updatedInTransaction = new ArrayList<>();
    /** Re-attached objects whose row has not been read yet (see {@link #attach}). */
    private final List<InstanceState> unread = new ArrayList<>();

    private @Nullable Connection connection;
    /** Which engine each statement runs on: the factory's binds. */
    private final SessionBinds binds;
    /** Connections to engines other than {@link #connection}'s, opened for bound models or tables; usually null. */
    private @Nullable Map<Engine, Connection> others;

    private @Nullable RuntimeException failedFlush;
    /** What failed: "flush", or "commit" when the database refused the COMMIT itself. */
    private String failedStep = "flush";

    private int noAutoflushDepth;
    private boolean flushing;
    /** Whether an element was added to a collection of this session since the last flush (autoflush then runs). */
    private boolean collectionsChanged;
    /** Whether this session ever tracked a collection: without one, autoflush has no replaced collection to look for. */
    private boolean tracksCollections;

    private @Nullable OrmObserver observer;
    private int flushInserted, flushUpdated, flushDeleted; // rows of the flush running, for the observer
    private boolean closed;

    /**
     * @param engine the engine
     * @param autoflush whether queries flush first
     * @param expireOnCommit whether commits expire objects
     */
    public SessionImpl(Engine engine, boolean autoflush, boolean expireOnCommit) {
        this(engine, autoflush, expireOnCommit, false);
    }

    /**
     * @param engine the engine
     * @param autoflush whether queries flush first
     * @param expireOnCommit whether commits expire objects
     * @param readOnly whether the session only reads: read-only transactions, no autoflush, no flush of changes
     */
    public SessionImpl(Engine engine, boolean autoflush, boolean expireOnCommit, boolean readOnly) {
        this(new SessionBinds(engine, Map.of(), Map.of(), null, readOnly), autoflush, expireOnCommit);
    }

    /**
     * @param binds which engine each statement runs on, and whether the session only reads
     * @param autoflush whether queries flush first
     * @param expireOnCommit whether commits expire objects
     */
    public SessionImpl(SessionBinds binds, boolean autoflush, boolean expireOnCommit) {
        this.binds = Objects.requireNonNull(binds, "binds");
        this.engine = binds.engine();
        boolean readOnly = binds.readOnly();
        this.autoflush = autoflush;
        this.expireOnCommit = expireOnCommit;
        this.readOnly = readOnly;
        OpenSessions.opened(this);
    }

    /**
     * What one UPDATE overwrote in the session's bookkeeping: the object's snapshot, identity key and version field.
     *
     * @param state the object
     * @param snapshot its snapshot before the UPDATE
     * @param key its identity key before the UPDATE
     * @param version its version field before the UPDATE, when the class has one
     */
    public record UpdateUndo(
            InstanceState state,
            Object[] snapshot,
            IdentityKey key,
            @Nullable Object version) {

        /** Puts the object's bookkeeping back as it was before the UPDATE; its other fields keep their values. */
        void apply(Map<IdentityKey, InstanceState> identityMap) {
            Attribute v = state.mapper.version;
            if (v != null && (version != null || !v.primitive)) {
                v.setRaw(state.instance, version);
            }
            if (!key.equals(state.key)) {
                if (state.key != null && identityMap.get(state.key) == state) {
                    identityMap.remove(state.key);
                }
                identityMap.put(key, state);
                state.key = key;
            }
            state.snapshot = snapshot;
        }
    }

    /**
     * Tells the observer about this session's flushes and queries; called by the {@code SessionFactory} that opens it.
     *
     * @param observer the observer
     * @return this session
     */
    public SessionImpl observedBy(OrmObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    // ---------------------------------------------------------------- state

    private void checkUsable() {
        if (closed) {
            throw new ResourceClosedError("this session is closed; open a new one with sessionFactory.openSession()");
        }
        if (failedFlush != null) {
            throw new PendingRollbackError(
                    "this session's transaction was rolled back because a " + failedStep + " failed; call "
                            + "rollback() before using the session again. The " + failedStep + " failed with: "
                            + failedFlush.getMessage(),
                    failedFlush);
        }
    }

    /** @return the connection of the transaction on the engine a statement of no model and no table runs on */
    public Connection connection() {
        Connection c = connection;
        return c != null ? c : connection(binds.forNoTable());
    }

    /** @return the connection for a model's statements, a write or a read */
    public Connection connectionFor(Mapper<?> mapper, boolean write) {
        return connection(binds.forModel(mapper, write));
    }

    /** @return the connection for a statement (of a model, or null), a write or a read */
    public Connection connectionFor(@Nullable Class<?> model, Executable statement, boolean write) {
        return connection(binds.forStatement(model, statement, write));
    }

    /** The session's transaction on an engine: one connection per engine, opened on first use. */
    private Connection connection(Engine target) {
        Connection c = connection;
        if (c == null) {
            c = target.connect();
            if (readOnly) {
                c.setReadOnly(true);
            }
            connection = c;
            return c;
        }
        if (c.engine() == target) {
            return c;
        }
        Map<Engine, Connection> more = others;
        Connection other = more == null ? null : more.get(target);
        if (other == null) {
            if (!savepoints.isEmpty()) {
                throw new InvalidRequestError("a savepoint (beginNested) is open on " + c.engine() + ", and this "
                        + "statement runs on " + target + ": a savepoint covers one database; release or roll back "
                        + "the savepoint first");
            }
            if (more == null) {
                more = new LinkedHashMap<>(2);
                others = more;
            }
            other = target.connect();
            if (readOnly) {
                other.setReadOnly(true);
            }
            more.put(target, other);
        }
        return other;
    }

    /** @return the connections of the other engines, forgotten by the session; empty when there are none */
    private java.util.Collection<Connection> takeOthers() {
        Map<Engine, Connection> more = others;
        others = null;
        return more == null ? List.of() : more.values();
    }

    private static void closeAll(java.util.Collection<Connection> connections, @Nullable Throwable failure) {
        for (Connection c : connections) {
            try {
                c.close(); // rolls back what was not committed
            } catch (RuntimeException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    throw e;
                }
            }
        }
    }

    @Override
    public void add(Object instance) {
        checkUsable();
        Objects.requireNonNull(instance, "instance");
        InstanceState state = states.get(instance);
        if (state != null) {
            if (state.status == ObjectState.DELETED) {
                deleted.remove(state);
                state.status = ObjectState.PERSISTENT;
            }
            return;
        }
        Mapper<?> mapper = Mapper.of(instance.getClass());
        refuseIfOwnedElsewhere(instance, "add");
        // an object without its primary key is new, whatever its past: only one with a key can be re-attached (and
        // asking the registry first spared, a 20,000-object addAll of new objects skips it entirely)
        if (mapper.hasKey(instance) && DetachedStates.remove(instance)) {
            state = attach(instance, mapper);
        } else if (mapper.hasKey(instance) && (deletedHere(instance) != null || DetachedStates.isDeleted(instance))) {
            throw new InvalidRequestError("cannot add " + describe(instance, mapper) + ": it has been deleted"
                    + (deletedHere(instance) != null ? " (and the DELETE flushed)" : "")
                    + ". Use session.makeTransient(object) to send it back to the transient state, so that add() "
                    + "inserts it as a new row");
        } else {
            state = new InstanceState(instance, mapper, ObjectState.PENDING);
            states.put(instance, state);
            pending.add(state);
            newInTransaction.add(state);
        }
        relationships.track(state);
        relationships.cascadeAdd(state);
    }

    /**
     * Makes a detached object persistent in this session again. Its values as last stored are not known here (see
     * {@link DetachedStates}): the next flush reads its row first ({@link #readSnapshots}), so what the application
     * changed meanwhile is written, and its version column, if any, keeps the value the application last saw.
     */
    private InstanceState attach(Object instance, Mapper<?> mapper) {
        IdentityKey key = mapper.keyOf(instance);
        if (key == null) {
            DetachedStates.put(instance);
            // only delete() gets here: add() treats an object without its key as new
            throw new InvalidRequestError("cannot delete " + instance.getClass().getSimpleName() + ": it was detached "
                    + "from a session, but its primary key " + List.of(mapper.primaryKey) + " has been set to null "
                    + "since, so it names no row");
        }
        key = key(mapper, key.id());
        InstanceState other = identityMap.get(key);
        if (other != null && other.instance != instance) {
            DetachedStates.put(instance);
            throw new InvalidRequestError("cannot attach " + instance.getClass().getSimpleName() + " with key "
                    + key.id() + ": another object with that key is already in this session; use merge()");
        }
        InstanceState state = new InstanceState(instance, mapper, ObjectState.PERSISTENT);
        state.key = key;
        states.put(instance, state);
        identityMap.put(state.key, state);
        unread.add(state);
        return state;
    }

    /**
     * Reads the rows of re-attached objects, a statement per class (and per 500 keys), to give them the snapshot
     * that their changes are found against. A row that is gone leaves every value unknown, so the flush's UPDATE
     * (or DELETE) matches no row and reports a {@code StaleDataError}, as SQLAlchemy does. Objects of a class with a
     * version column are not read: they are written whole, their version checked, because a transaction that reads
     * before it writes cannot take SQLite's write lock once a concurrent one committed, and would fail with "database
     * is locked" where the version conflict is the answer the application handles.
     */
    private void readSnapshots() {
        if (unread.isEmpty()) {
            return;
        }
        Map<Mapper<?>, List<InstanceState>> byMapper = new LinkedHashMap<>();
        for (InstanceState s : unread) {
            if (s.snapshot == null && s.key != null && states.get(s.instance) == s) {
                if (s.mapper.version != null) {
                    s.snapshot = unknownSnapshot(s);
                } else {
                    byMapper.computeIfAbsent(s.mapper, m -> new ArrayList<>()).add(s);
                }
            }
        }
        unread.clear();
        if (byMapper.isEmpty()) {
            return;
        }
        if (!binds.single()) {
            for (Map.Entry<Mapper<?>, List<InstanceState>> e : byMapper.entrySet()) {
                Connection mine = connectionFor(e.getKey(), true);
                readSnapshots(Map.of(e.getKey(), e.getValue()), mine); // several databases: in their transactions
            }
            return;
        }
        Connection mine = connection;
        if (mine != null && mine.inTransaction()) {
            readSnapshots(byMapper, mine); // this transaction may have written the rows: read them in it
        } else {
            // Before the transaction begins, read on a connection of its own: on SQLite, a transaction that reads
            // before it writes cannot take the write lock once another one committed meanwhile ("database is
            // locked"), where a transaction that begins with its UPDATE waits for the lock and then finds the
            // version conflict it should report.
            try (Connection reader = engine.connect()) {
                readSnapshots(byMapper, reader);
            }
        }
    }

    /**
     * A snapshot that matches none of the object's values but its key (and its version, which keeps the value the
     * application last saw, so that a concurrent change is a conflict): the flush writes every column.
     */
    private static Object[] unknownSnapshot(InstanceState s) {
        Mapper<?> mapper = s.mapper;
        Object[] values = new Object[mapper.attributes.size()];
        java.util.Arrays.fill(values, InstanceState.UNKNOWN);
        Object id = Objects.requireNonNull(s.key).id();
        for (int i = 0; i < mapper.primaryKey.length; i++) {
            values[mapper.primaryKey[i].index] = mapper.primaryKey.length == 1 ? id : ((List<?>) id).get(i);
        }
        if (mapper.version != null) {
            values[mapper.version.index] = mapper.version.get(s.instance);
        }
        return values;
    }

    private void readSnapshots(Map<Mapper<?>, List<InstanceState>> byMapper, Connection reader) {
        for (Map.Entry<Mapper<?>, List<InstanceState>> e : byMapper.entrySet()) {
            Mapper<?> mapper = e.getKey();
            int n = mapper.attributes.size();
            Map<IdentityKey, Object[]> rows = new HashMap<>();
            List<InstanceState> group = e.getValue();
            for (int from = 0; from < group.size(); from += 500) {
                List<InstanceState> chunk = group.subList(from, Math.min(group.size(), from + 500));
                EntitySelect<?> select;
                if (mapper.primaryKey.length == 1) {
                    List<Object> ids = new ArrayList<>(chunk.size());
                    for (InstanceState s : chunk) {
                        ids.add(Objects.requireNonNull(s.key).id());
                    }
                    select = EntitySelect.of(mapper.type)
                            .where(mapper.table
                                    .c(mapper.primaryKey[0].columnName)
                                    .in(ids));
                } else {
                    List<ColumnElement<Boolean>> any = new ArrayList<>();
                    for (InstanceState s : chunk) {
                        any.add(Objects.requireNonNull(byPrimaryKey(mapper, Objects.requireNonNull(s.key))
                                .select()
                                .whereClause()));
                    }
                    select = EntitySelect.of(mapper.type).where(dev.alchemy.sql.BooleanClauseList.or(any));
                }
                for (Row row : reader.execute(select)) {
                    Object[] values = values(row, 0, n);
                    rows.put(keyFromValues(mapper, values), values);
                }
            }
            for (InstanceState s : group) {
                Object[] values = rows.get(s.key);
                s.snapshot = values != null ? values : unknownSnapshot(s);
            }
        }
    }

    @Override
    public void addAll(Collection<?> instances) {
        reserve(instances.size());
        for (Object instance : instances) {
            add(instance);
        }
    }

    /**
     * Sizes the session's maps once for {@code more} objects about to arrive (a load's rows, an addAll), when they
     * outnumber the objects already held: grown one doubling at a time, the two maps rehashed a 20,000-row load ten
     * times over.
     */
    private void reserve(int more) {
        int needed = states.size() + more;
        if (more > 64 && needed > mapsSizedFor && more > states.size()) {
            Map<Object, InstanceState> grownStates = new IdentityHashMap<>(needed);
            grownStates.putAll(states);
            states = grownStates;
            Map<IdentityKey, InstanceState> grownIdentities = new HashMap<>(needed + needed / 3 + 1);
            grownIdentities.putAll(identityMap);
            identityMap = grownIdentities;
            mapsSizedFor = needed;
        }
    }

    @Override
    public void delete(Object instance) {
        checkUsable();
        Objects.requireNonNull(instance, "instance");
        InstanceState state = states.get(instance);
        if (state == null) {
            Mapper<?> mapper = Mapper.of(instance.getClass());
            if (deletedHere(instance) != null) {
                return; // deleted and flushed already
            }
            refuseIfOwnedElsewhere(instance, "delete");
            if (!DetachedStates.remove(instance)) {
                throw new InvalidRequestError(instance.getClass().getSimpleName() + " " + instance
                        + " is not persisted; only objects loaded or flushed by a session can be deleted");
            }
            state = attach(instance, mapper);
        }
        if (state.status == ObjectState.PENDING) {
            pending.remove(state);
            newInTransaction.remove(state);
            states.remove(instance);
        } else if (state.status == ObjectState.PERSISTENT) {
            InstanceState target = state;
            noAutoflush(() -> relationships.cascadeDelete(target)); // children load before the parent is gone
            state.status = ObjectState.DELETED;
            deleted.add(state);
        }
    }

    /**
     * Refuses an object that another open session holds, as SQLAlchemy does ("already attached to session"): taken
     * here, it would be written by both, a second INSERT or an UPDATE behind the other's back.
     */
    private void refuseIfOwnedElsewhere(Object instance, String what) {
        SessionImpl other = OpenSessions.holder(instance, this);
        if (other != null) {
            throw new InvalidRequestError("cannot " + what + " " + describe(instance, Mapper.of(instance.getClass()))
                    + ": it is already attached to " + other + " (this is " + this + "). An object belongs to one "
                    + "session at a time: expunge it from the other session (or close that one) first, or merge() "
                    + "it here, which copies its state onto this session's own object");
        }
    }

    /** @return whether this session holds the object: pending, persistent, or deleted in its transaction */
    public boolean holds(Object instance) {
        return states.containsKey(instance) || (!deletedInTransaction.isEmpty() && deletedHere(instance) != null);
    }

    /** @return the state of an object whose DELETE this transaction flushed, or null */
    private @Nullable InstanceState deletedHere(Object instance) {
        for (InstanceState s : deletedInTransaction) {
            if (s.instance == instance) {
                return s;
            }
        }
        return null;
    }

    private static String describe(Object instance, Mapper<?> mapper) {
        IdentityKey key = mapper.hasKey(instance) ? mapper.keyOf(instance) : null;
        return mapper.type.getSimpleName() + (key == null ? " (no key yet)" : " with key " + key.id());
    }

    @Override
    public <T> @Nullable T get(Class<T> type, Object id) {
        checkUsable();
        Mapper<T> mapper = Mapper.of(type);
        IdentityKey key = key(mapper, Objects.requireNonNull(id, "id"));
        InstanceState state = identityMap.get(key);
        if (state != null && !state.expired) {
            return state.status == ObjectState.DELETED ? null : type.cast(state.instance);
        }
        List<T> found = mapper.primaryKey.length == 1
                ? load(byKeyTemplate(mapper), Map.of(KEY_PARAMETER, key.id()), state != null)
                : load(byPrimaryKey(mapper, key), Map.of(), state != null);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public <T> @Nullable T getForUpdate(Class<T> type, Object id) {
        checkUsable();
        Mapper<T> mapper = Mapper.of(type);
        IdentityKey key = key(mapper, Objects.requireNonNull(id, "id"));
        InstanceState state = identityMap.get(key);
        if (state != null && state.status == ObjectState.DELETED) {
            return null;
        }
        List<T> found = mapper.primaryKey.length == 1
                ? load(byKeyTemplate(mapper).withForUpdate(), Map.of(KEY_PARAMETER, key.id()), true)
                : load(byPrimaryKey(mapper, key).withForUpdate(), Map.of(), true);
        return found.isEmpty() ? null : found.get(0);
    }

    private static IdentityKey key(Mapper<?> mapper, Object id) {
        Attribute[] pk = mapper.primaryKey;
        if (pk.length == 1) {
            return new IdentityKey(mapper.type, Conversions.convert(id, Conversions.boxed(pk[0].sqlType.javaType())));
        }
        if (!(id instanceof List<?> values) || values.size() != pk.length) {
            throw new dev.alchemy.exc.ArgumentError(mapper.type.getSimpleName() + " has a composite primary key "
                    + List.of(pk) + "; pass its values as a List in that order");
        }
        List<Object> converted = new ArrayList<>();
        for (int i = 0; i < pk.length; i++) {
            converted.add(Conversions.convert(values.get(i), Conversions.boxed(pk[i].sqlType.javaType())));
        }
        return new IdentityKey(mapper.type, List.copyOf(converted));
    }

    /** The bound parameter of {@link #byKeyTemplate}. */
    private static final String KEY_PARAMETER = "pk_1";

    /**
     * Per class with a single-column key, {@code SELECT ... WHERE key = :pk_1} built once, so that {@code get} compiles
     * nothing (the select keeps its compilation) and the connection reuses its prepared statement.
     */
    private static final ClassValue<EntitySelect<?>> BY_KEY = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected EntitySelect<?> computeValue(Class<?> type) {
            Mapper<?> mapper = Mapper.of(type);
            Attribute pk = mapper.primaryKey[0];
            ColumnElement<Boolean> condition = mapper.table.c(pk.columnName).eq((ColumnElement)
                    dev.alchemy.sql.BindParam.required(KEY_PARAMETER, (dev.alchemy.types.SqlType)
                            mapper.table.c(pk.columnName).type()));
            return EntitySelect.of(mapper.type).where(condition);
        }
    };

    @SuppressWarnings("unchecked")
    private static <T> EntitySelect<T> byKeyTemplate(Mapper<T> mapper) {
        return (EntitySelect<T>) BY_KEY.get(mapper.type);
    }

    private static <T> EntitySelect<T> byPrimaryKey(Mapper<T> mapper, IdentityKey key) {
        Attribute[] pk = mapper.primaryKey;
        List<ColumnElement<Boolean>> conditions = new ArrayList<>();
        for (int i = 0; i < pk.length; i++) {
            Object value = pk.length == 1 ? key.id() : ((List<?>) key.id()).get(i);
            conditions.add(mapper.table.c(pk[i].columnName).eq(value));
        }
        @SuppressWarnings("unchecked")
        ColumnElement<Boolean>[] array = conditions.toArray(ColumnElement[]::new);
        return EntitySelect.of(mapper.type).where(array);
    }

    // ---------------------------------------------------------------- loading

    private void autoflush() {
        if (!autoflush || readOnly || noAutoflushDepth > 0 || flushing) {
            return;
        }
        if (pending.isEmpty() && deleted.isEmpty() && !anyModified()) {
            return;
        }
        try {
            flush();
        } catch (AlchemyException e) {
            throw Errors.withPrefix(
                    e,
                    "(raised as a result of a query-invoked autoflush; use session.noAutoflush(...) "
                            + "if this flush is occurring prematurely) ");
        }
    }

    private boolean anyModified() {
        if (!unread.isEmpty()) {
            return true; // re-attached objects: the flush reads their rows and finds what changed
        }
        if (collectionsChanged || (tracksCollections && Relationships.anyCollectionReplaced(states.values()))) {
            return true; // a child added to a collection is inserted first: queries see it, as in SQLAlchemy
        }
        return InstanceState.anyModified(states.values()); // an array walk; the key map's buckets chase pointers
    }

    private <T> List<T> load(EntitySelect<T> select, boolean overwrite) {
        return load(select, Map.of(), overwrite);
    }

    private <T> List<T> load(EntitySelect<T> select, Map<String, ?> parameters, boolean overwrite) {
        OrmObserver o = observer;
        if (o == null) {
            return loadRows(select, parameters, overwrite);
        }
        OrmObserver.Scope scope = o.queryStarting(select.type(), "select");
        List<T> objects;
        try {
            objects = loadRows(select, parameters, overwrite);
        } catch (RuntimeException | Error e) {
            scope.end(0, 0, 0, e);
            throw e;
        }
        scope.end(0, 0, 0, null);
        return objects;
    }

    private <T> List<T> loadRows(EntitySelect<T> select, Map<String, ?> parameters, boolean overwrite) {
        checkUsable();
        autoflush();
        Mapper<T> mapper = Mapper.of(select.type());
        Map<String, dev.alchemy.orm.Loading> options = select.loaderOptions().isEmpty() ? Map.of() : new HashMap<>();
        for (dev.alchemy.orm.LoadOption o : select.loaderOptions()) {
            if (o.model() == mapper.type) {
                options.put(o.relationship(), o.loading());
            }
        }
        JoinedLoad plan = mapper.relationships.isEmpty() ? null : JoinedLoad.plan(mapper, select.select(), options);
        boolean joined = plan != null && !plan.joined.isEmpty();
        Executable statement = joined ? plan.select : select;
        Result result = connectionFor(mapper.type, statement, false).execute(statement, parameters);
        int rows = result.all().size();
        reserve(rows);
        List<T> objects = new ArrayList<>(rows);
        boolean distinct = true;
        boolean populate = overwrite || select.isPopulateExisting();
        int n = mapper.attributes.size();
        List<InstanceState> fresh = new ArrayList<>();
        Map<RelationshipProperty, Map<Object, List<Object>>> related = joined ? new HashMap<>() : Map.of();
        Map<Mapper<?>, List<InstanceState>> freshRelated = joined ? new LinkedHashMap<>() : Map.of();
        Set<Object> seen = joined ? java.util.Collections.newSetFromMap(new IdentityHashMap<>()) : null;
        for (Row row : result) {
            int known = identityMap.size();
            Object owner = instanceFor(mapper, values(row, 0, n), populate, fresh);
            if (identityMap.size() == known) {
                distinct = false; // an object the session held already: a row may repeat it
            }
            if (seen == null || seen.add(owner)) {
                objects.add(mapper.type.cast(owner));
            }
            if (joined) {
                for (JoinedLoad.Joined j : plan.joined) {
                    Mapper<?> target = j.relationship().target;
                    Object[] values = values(row, j.offset(), target.attributes.size());
                    Map<Object, List<Object>> byOwner =
                            related.computeIfAbsent(j.relationship(), k -> new IdentityHashMap<>());
                    List<Object> list = byOwner.computeIfAbsent(owner, k -> new ArrayList<>());
                    Object childId = keyFromValues(target, values).id();
                    if (childId != null && !(childId instanceof List<?> ids && ids.contains(null))) {
                        Object child = instanceFor(
                                target, values, populate, freshRelated.computeIfAbsent(target, k -> new ArrayList<>()));
                        if (!list.contains(child)) {
                            list.add(child);
                        }
                    }
                }
            }
        }
        for (Map.Entry<Mapper<?>, List<InstanceState>> e : freshRelated.entrySet()) {
            relationships.afterLoad(e.getKey(), e.getValue(), Map.of());
        }
        if (!mapper.relationships.isEmpty() && !fresh.isEmpty()) {
            relationships.afterLoad(mapper, fresh, options, related);
        }
        return new LoadedList<>(objects, distinct);
    }

    private static Object[] values(Row row, int from, int count) {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = row.get(from + i);
        }
        return values;
    }

    /** Loads for the relationship machinery: same as a query, any class. */
    public List<?> loadInternal(EntitySelect<?> select, boolean overwrite) {
        return load(select, overwrite);
    }

    /** @return the loaded object of a class with this (single) primary key value, or null */
    @Nullable
    public Object loaded(Mapper<?> mapper, Object id) {
        InstanceState state = identityMap.get(new IdentityKey(mapper.type, id));
        return state == null ? null : state.instance;
    }

    /** Called when a collection of one of this session's objects becomes tracked. */
    public void collectionTracked() {
        tracksCollections = true;
    }

    /** Called when the application adds to one of this session's collections. */
    public void collectionChanged() {
        collectionsChanged = true;
    }

    /** @return the epoch: see {@link #epoch} */
    public long epoch() {
        return epoch;
    }

    public void loadCollection(CollectionState cs) {
        checkUsable();
        relationships.loadGroup(cs.group != null ? cs.group.members : List.of(cs));
    }

    private Object instanceFor(Mapper<?> mapper, Object[] values, boolean populate, List<InstanceState> fresh) {
        IdentityKey key = keyFromValues(mapper, values);
        InstanceState existing = identityMap.get(key);
        if (existing != null) {
            if (existing.expired || populate) {
                populate(existing, values, populate && !existing.expired);
                fresh.add(existing);
            }
            return existing.instance;
        }
        Object instance = mapper.newInstance();
        mapper.writeAll(instance, values);
        InstanceState state = new InstanceState(instance, mapper, ObjectState.PERSISTENT);
        state.key = key;
        state.snapshot = values;
        states.put(instance, state);
        identityMap.put(key, state);
        fresh.add(state);
        return instance;
    }

    /**
     * Overwrites an object's fields with a row. For an expired object, fields changed since the last load or flush
     * keep the new value (they are still written by the next flush), as SQLAlchemy keeps attributes set after expiry.
     */
    private static void populate(InstanceState state, Object[] values, boolean overwriteChanges) {
        Object[] snapshot = state.snapshot;
        List<Attribute> attributes = state.mapper.attributes;
        for (int i = 0; i < values.length; i++) {
            Attribute a = attributes.get(i);
            if (!overwriteChanges && snapshot != null && !a.sameValue(a.get(state.instance), snapshot[i])) {
                continue;
            }
            a.set(state.instance, values[i]);
        }
        state.snapshot = values;
        state.expired = false;
    }

    private static IdentityKey keyFromValues(Mapper<?> mapper, Object[] values) {
        Attribute[] pk = mapper.primaryKey;
        if (pk.length == 1) {
            return new IdentityKey(mapper.type, values[pk[0].index]);
        }
        List<Object> id = new ArrayList<>(pk.length);
        for (Attribute a : pk) {
            id.add(values[a.index]);
        }
        return new IdentityKey(mapper.type, List.copyOf(id));
    }

    @Override
    public <T> Query<T> query(Class<T> type) {
        checkUsable();
        return Query.of(this, EntitySelect.of(type));
    }

    @Override
    public <T> ScalarResult<T> execute(EntitySelect<T> select) {
        return scalars(select);
    }

    @Override
    public <T> ScalarResult<T> scalars(EntitySelect<T> select) {
        return new ScalarResult<>(load(Objects.requireNonNull(select, "select"), false));
    }

    @Override
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    @Override
    public Result execute(Executable statement, Map<String, ?> parameters) {
        checkUsable();
        Objects.requireNonNull(statement, "statement");
        if (statement instanceof EntitySelect<?>) {
            throw new InvalidRequestError(
                    "use session.scalars(select(Model.class)) or session.execute(EntitySelect) for objects");
        }
        boolean write = statement instanceof dev.alchemy.sql.Insert
                || statement instanceof dev.alchemy.sql.Update
                || statement instanceof dev.alchemy.sql.Delete;
        if (write && readOnly) {
            throw new InvalidRequestError("this session is read-only (SessionFactory.withReadOnly): it cannot execute "
                    + statement.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT)
                    + "; write in a session of a factory that is not read-only");
        }
        autoflush();
        return connectionFor(null, statement, write).execute(statement, parameters);
    }

    // ---------------------------------------------------------------- flush

    @Override
    public void flush() {
        checkUsable();
        if (flushing) {
            return;
        }
        if (readOnly) {
            refuseChangesWhenReadOnly();
            return;
        }
        flushing = true;
        flushInserted = flushUpdated = flushDeleted = 0;
        OrmObserver.Scope scope = observer != null ? observer.flushStarting() : null;
        UnitOfWork work = new UnitOfWork(this);
        int updatesBefore = updatedInTransaction.size();
        try {
            readSnapshots();
            relationships.beforeFlush(new ArrayList<>(states.values()));
            List<InstanceState> all = new ArrayList<>(states.values());
            work.run(pending.toList(), new ArrayList<>(identityMap.values()), new ArrayList<>(deleted), all);
            Relationships.afterFlush(states.values(), epoch);
            collectionsChanged = false;
        } catch (RuntimeException | Error e) {
            work.undo();
            undoUpdatesSince(updatesBefore);
            failFlush(e);
            if (scope != null) {
                scope.end(flushInserted, flushUpdated, flushDeleted, e);
            }
            throw e;
        } finally {
            flushing = false;
        }
        if (scope != null) {
            scope.end(flushInserted, flushUpdated, flushDeleted, null);
        }
    }

    /** A read-only session writes nothing: with changes to write, it says so rather than let the database refuse. */
    private void refuseChangesWhenReadOnly() {
        if (!unread.isEmpty()) {
            readSnapshots(); // re-attached objects: changed only if their row differs
        }
        List<String> changes = new ArrayList<>();
        for (InstanceState s : pending) {
            changes.add("new " + s.mapper.type.getSimpleName());
        }
        for (InstanceState s : deleted) {
            changes.add("deleted " + s.mapper.type.getSimpleName());
        }
        for (InstanceState s : states.values()) {
            if (s.status == ObjectState.PERSISTENT && s.snapshot != null && s.changed(s.current()).length > 0) {
                changes.add("changed " + s.mapper.type.getSimpleName());
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

    private void failFlush(Throwable e) {
        Savepoint savepoint = savepoints.peek();
        if (savepoint != null) {
            // inside beginNested(): only the savepoint's work is lost; its rollback() makes the session usable again
            try {
                savepoint.rolledBackByFailedFlush();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            failedFlush =
                    e instanceof RuntimeException r ? r : new InvalidRequestError(String.valueOf(e.getMessage()), e);
            return;
        }
        Connection c = connection;
        connection = null;
        closeAll(takeOthers(), e);
        if (c != null) {
            // Closing rolls back a connection of our own; on one whose transaction is managed outside Alchemy
            // (Spring's), it leaves the rollback to the manager, which the exception reaches. An explicit
            // rollback() would throw there and hang a misleading suppressed error on the flush's own.
            try {
                c.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
        }
        failedFlush = e instanceof RuntimeException r ? r : new InvalidRequestError(String.valueOf(e.getMessage()), e);
    }

    /** Called by the unit of work after an object's INSERT succeeded. */
    public void inserted(InstanceState state, Object[] values) {
        flushInserted++;
        pending.remove(state);
        state.status = ObjectState.PERSISTENT;
        state.snapshot = values;
        state.key = keyFromValues(state.mapper, values);
        identityMap.put(state.key, state);
        newInTransaction.add(state);
    }

    /** Called when a failed flush undoes an INSERT: the object is pending again with its old field values. */
    public void uninserted(InstanceState state) {
        if (state.key != null && identityMap.get(state.key) == state) {
            identityMap.remove(state.key);
        }
        restore(state);
        pending.add(state);
    }

    /**
     * Puts back, newest first, what the UPDATEs recorded since a mark overwrote: the objects' changes are pending
     * again, and their versions what they were. Objects no longer in the session are left alone.
     */
    private void undoUpdatesSince(int mark) {
        for (int i = updatedInTransaction.size() - 1; i >= mark; i--) {
            UpdateUndo undo = updatedInTransaction.remove(i);
            if (states.get(undo.state().instance) == undo.state()) {
                undo.apply(identityMap);
            }
        }
    }

    /** Called by the unit of work after an object's UPDATE succeeded. */
    public void updated(InstanceState state, Object[] values) {
        flushUpdated++;
        Object[] before = Objects.requireNonNull(state.snapshot);
        Attribute version = state.mapper.version;
        updatedInTransaction.add(new UpdateUndo(
                state, before, Objects.requireNonNull(state.key), version == null ? null : before[version.index]));
        IdentityKey newKey = keyFromValues(state.mapper, values);
        if (!newKey.equals(state.key)) {
            identityMap.remove(state.key);
            identityMap.put(newKey, state);
            state.key = newKey;
        }
        state.snapshot = values;
    }

    /** Called by the unit of work after an object's DELETE succeeded. */
    public void deletedRow(InstanceState state) {
        flushDeleted++;
        deleted.remove(state);
        identityMap.remove(state.key);
        states.remove(state.instance);
        deletedInTransaction.add(state);
    }

    public Engine engine() {
        return engine;
    }

    // ---------------------------------------------------------------- transactions

    @Override
    public void commit() {
        checkUsable();
        flush();
        Connection c = connection;
        if (c != null) {
            connection = null;
            java.util.Collection<Connection> more = takeOthers();
            Throwable failure = null;
            try {
                c.commit();
                // one engine after the other, in the order they were first used: not atomic across databases
                for (Connection other : more) {
                    other.commit();
                }
            } catch (RuntimeException e) {
                // the connection rolled the transaction back: what it inserted is undone by rollback(), as after a
                // failed flush
                failedFlush = e;
                failedStep = "commit";
                failure = e;
                throw e;
            } finally {
                try {
                    c.close();
                } finally {
                    closeAll(more, failure);
                }
            }
        }
        for (InstanceState s : newInTransaction) {
            s.beforeInsert = null;
        }
        newInTransaction.clear();
        forgetDeleted();
        updatedInTransaction.clear();
        transactionEpoch = ++epoch;
        savepoints.clear();
        if (expireOnCommit) {
            expireAll();
        }
    }

    /** The objects whose DELETE the transaction committed leave the session, remembered as deleted. */
    private void forgetDeleted() {
        for (InstanceState s : deletedInTransaction) {
            DetachedStates.putDeleted(s.instance);
        }
        deletedInTransaction.clear();
    }

    @Override
    public void rollback() {
        if (closed) {
            throw new ResourceClosedError("this session is closed");
        }
        Connection c = connection;
        connection = null;
        java.util.Collection<Connection> more = takeOthers();
        try {
            if (c != null) {
                try {
                    c.rollback();
                } finally {
                    try {
                        c.close();
                    } finally {
                        closeAll(more, null); // closing rolls back
                    }
                }
            }
        } finally {
            savepoints.clear();
            undoTransaction();
            failedFlush = null;
            failedStep = "flush";
        }
    }

    /** Objects added or inserted in the transaction become transient again; deleted ones come back; all expire. */
    private void undoTransaction() {
        // deleted ones come back, but not one also inserted in the transaction: it ends transient, as it began (and
        // its key, which the database may have given to another row since, is not put back in the identity map)
        for (InstanceState s : deletedInTransaction) {
            if (!newInTransaction.contains(s)) {
                s.status = ObjectState.PERSISTENT;
                states.put(s.instance, s);
                identityMap.put(s.key, s);
            }
        }
        deletedInTransaction.clear();
        for (InstanceState s : deleted) {
            s.status = ObjectState.PERSISTENT;
        }
        deleted.clear();
        for (InstanceState s : newInTransaction) {
            forgetInserted(s);
        }
        newInTransaction.clear();
        collectionsChanged = false;
        undoUpdatesSince(0);
        revertChanges();
        relationships.afterRollback(states.values(), transactionEpoch);
        transactionEpoch = ++epoch;
        expireAll();
    }

    /**
     * Puts the stored values back into the fields of every persistent object that differs from them, as SQLAlchemy's
     * expiry on rollback does when the attributes are next read: after a rollback, an object shows what its row
     * holds, and nothing of the rolled-back work is left pending to be written by a later commit. Relationship
     * fields are left as they are.
     */
    private void revertChanges() {
        for (InstanceState s : states.values()) {
            Object[] snap = s.snapshot;
            if (s.status != ObjectState.PERSISTENT || snap == null) {
                continue;
            }
            List<Attribute> attributes = s.mapper.attributes;
            for (int i = 0; i < snap.length; i++) {
                Attribute a = attributes.get(i);
                Object stored = snap[i];
                if (stored != InstanceState.UNKNOWN
                        && (stored != null || !a.primitive)
                        && !a.sameValue(a.getRaw(s.instance), stored)) {
                    a.setRaw(s.instance, stored);
                }
            }
        }
    }

    public static void restore(InstanceState s) {
        Object[] before = s.beforeInsert;
        if (before == null) {
            return;
        }
        List<Attribute> attributes = s.mapper.attributes;
        for (int i = 0; i < before.length; i++) {
            Attribute a = attributes.get(i);
            if (!a.primitive || before[i] != null) {
                a.setRaw(s.instance, before[i]);
            }
        }
        s.beforeInsert = null;
        s.snapshot = null;
        s.key = null;
        s.status = ObjectState.PENDING;
    }

    @Override
    public Transaction beginNested() {
        checkUsable();
        flush();
        if (others != null) {
            throw new InvalidRequestError("this session's transaction spans several databases (binds); a savepoint "
                    + "covers one: use beginNested() in a session that has used one engine so far");
        }
        Savepoint savepoint = new Savepoint(
                connection().beginNested(),
                newInTransaction.mark(),
                deletedInTransaction.size(),
                updatedInTransaction.size(),
                ++epoch);
        savepoints.push(savepoint);
        return savepoint;
    }

    /**
     * A savepoint of the session: rolling it back also undoes, in memory, what was flushed since (objects inserted
     * become transient again, deleted ones come back, everything expires), and a flush that fails inside it rolls
     * back to it only, as in SQLAlchemy.
     */
    private final class Savepoint implements Transaction {
        private final Transaction inner;
        private final int newMark;
        private final int deletedMark;
        private final int updateMark;
        private final long startEpoch;
        private boolean active = true;

        public Savepoint(Transaction inner, int newMark, int deletedMark, int updateMark, long startEpoch) {
            this.inner = inner;
            this.newMark = newMark;
            this.deletedMark = deletedMark;
            this.updateMark = updateMark;
            this.startEpoch = startEpoch;
        }

        @Override
        public void commit() {
            if (!active) {
                throw new InvalidRequestError("this savepoint is no longer active; it was released or rolled back");
            }
            flush();
            end();
            inner.commit();
        }

        @Override
        public void rollback() {
            if (!active) {
                return;
            }
            end();
            try {
                if (inner.isActive()) {
                    inner.rollback();
                }
            } finally {
                undoSince(newMark, deletedMark, updateMark, startEpoch);
                failedFlush = null;
            }
        }

        public void rolledBackByFailedFlush() {
            if (inner.isActive()) {
                inner.rollback();
            }
        }

        private void end() {
            active = false;
            while (!savepoints.isEmpty()) {
                if (savepoints.pop() == this) {
                    break;
                }
            }
            if (savepoints.isEmpty()) {
                newInTransaction.thaw();
            }
        }

        @Override
        public boolean isActive() {
            return active && inner.isActive();
        }

        @Override
        public boolean isNested() {
            return true;
        }

        @Override
        public void close() {
            if (active) {
                rollback();
            }
        }
    }

    /**
     * An object added or inserted in rolled-back work is transient again: out of the session and its identity map
     * (by the key its INSERT gave it, which {@link #restore} then takes back).
     */
    private void forgetInserted(InstanceState s) {
        IdentityKey key = s.key;
        if (s.beforeInsert != null) {
            restore(s);
        }
        pending.remove(s);
        states.remove(s.instance);
        if (key != null && identityMap.get(key) == s) {
            identityMap.remove(key);
        }
    }

    /** Undoes in memory what a rolled-back savepoint had flushed. */
    private void undoSince(int newMark, int deletedMark, int updateMark, long startEpoch) {
        // deleted ones come back, but not one also inserted since the savepoint: it ends transient
        List<InstanceState> insertedSince = newInTransaction.since(newMark);
        Set<InstanceState> inserted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        inserted.addAll(insertedSince);
        List<InstanceState> removed = new ArrayList<>(deletedInTransaction.subList(
                Math.min(deletedMark, deletedInTransaction.size()), deletedInTransaction.size()));
        for (InstanceState s : removed) {
            deletedInTransaction.remove(s);
            if (!inserted.contains(s)) {
                s.status = ObjectState.PERSISTENT;
                states.put(s.instance, s);
                identityMap.put(s.key, s);
            }
        }
        // beginNested() flushed, so every delete not yet flushed was asked for since the savepoint began
        for (InstanceState s : deleted) {
            s.status = ObjectState.PERSISTENT;
        }
        deleted.clear();
        for (InstanceState s : insertedSince) {
            forgetInserted(s);
            newInTransaction.remove(s);
        }
        collectionsChanged = false;
        undoUpdatesSince(Math.min(updateMark, updatedInTransaction.size()));
        revertChanges();
        relationships.afterRollback(states.values(), startEpoch);
        expireAll();
    }

    /** @return whether a bulk DELETE of this session removed the object's row */
    public boolean wasBulkDeleted(Object instance) {
        Set<Object> gone = bulkDeleted;
        return gone != null && gone.contains(instance);
    }

    // ---------------------------------------------------------------- object management

    @Override
    public void refresh(Object instance) {
        checkUsable();
        InstanceState state = requirePersistent(instance, "refresh");
        state.expired = false; // so the load overwrites every field, changed ones too, as refresh promises
        List<?> found = noAutoflush(() -> load(byPrimaryKey(state.mapper, Objects.requireNonNull(state.key)), true));
        if (found.isEmpty()) {
            throw new InvalidRequestError("could not refresh " + state + ": its row no longer exists");
        }
    }

    private InstanceState requirePersistent(Object instance, String what) {
        InstanceState state = states.get(Objects.requireNonNull(instance, "instance"));
        if (state == null || state.key == null) {
            throw new InvalidRequestError("cannot " + what + " "
                    + instance.getClass().getSimpleName() + ": it is not persistent in this session");
        }
        return state;
    }

    @Override
    public void expire(Object instance) {
        requirePersistent(instance, "expire").expired = true;
    }

    @Override
    public void expireAll() {
        for (InstanceState s : identityMap.values()) {
            s.expired = true;
        }
    }

    @Override
    public void expunge(Object instance) {
        InstanceState state = states.get(Objects.requireNonNull(instance, "instance"));
        if (state == null) {
            throw new InvalidRequestError(instance.getClass().getSimpleName() + " is not in this session");
        }
        detach(state);
    }

    private void detach(InstanceState state) {
        states.remove(state.instance);
        pending.remove(state);
        deleted.remove(state);
        newInTransaction.remove(state);
        if (state.key != null) {
            identityMap.remove(state.key);
            if (state.status == ObjectState.PERSISTENT) {
                DetachedStates.put(state.instance);
            }
        }
    }

    @Override
    public void expungeAll() {
        for (InstanceState s : new ArrayList<>(states.values())) {
            detach(s);
        }
        // objects whose DELETE was flushed leave too, remembered as deleted (Spring calls this after its commit)
        forgetDeleted();
        updatedInTransaction.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T merge(T instance) {
        checkUsable();
        Objects.requireNonNull(instance, "instance");
        return merge(instance, new IdentityHashMap<>());
    }

    /** Merges an object and, along relationships with the merge cascade, the objects it refers to. */
    @SuppressWarnings("unchecked")
    private <T> T merge(T instance, Map<Object, Object> merged) {
        if (states.containsKey(instance)) {
            return instance;
        }
        Object done = merged.get(instance);
        if (done != null) {
            return (T) done;
        }
        Mapper<T> mapper = (Mapper<T>) Mapper.of(instance.getClass());
        IdentityKey key = mapper.keyOf(instance);
        if (key == null) {
            // a copy of a pending object of another session would be inserted by both sessions
            refuseIfOwnedElsewhere(instance, "merge");
        }
        T target = key == null ? null : get(mapper.type, key.id());
        boolean isNew = target == null;
        if (isNew) {
            target = mapper.newInstance();
        } else {
            checkMergedVersion(mapper, instance, target);
        }
        merged.put(instance, target);
        copy(mapper, instance, target);
        for (RelationshipProperty r : mapper.relationships) {
            r.resolve();
            Object value = r.get(instance);
            if (!r.merge || (value instanceof CollectionState.Tracked t && !t.state().loaded)) {
                continue; // not cascaded, or never loaded: leave the persistent object's relationship as it is
            }
            if (!r.collection) {
                r.set(target, value == null ? null : merge(value, merged));
            } else if (value != null) {
                List<Object> items = new ArrayList<>();
                for (Object element : (java.util.Collection<?>) value) {
                    items.add(merge(element, merged));
                }
                r.set(target, r.isSet ? new java.util.LinkedHashSet<>(items) : items);
            }
        }
        if (isNew) {
            add(target);
        }
        return target;
    }

    /**
     * Refuses to merge a copy whose version is not the stored one, as SQLAlchemy does: it was read before another
     * transaction changed the row, and merging it would overwrite that change. A copy without a version (null) takes
     * the persistent object's.
     */
    private static void checkMergedVersion(Mapper<?> mapper, Object copy, Object persistent) {
        Attribute version = mapper.version;
        if (version == null) {
            return;
        }
        Object merging = version.getRaw(copy);
        Object existing = version.getRaw(persistent);
        if (!unsetVersion(version, merging) && !version.sameValue(merging, existing)) {
            throw new StaleDataError("version " + merging + " of the merged " + describe(copy, mapper)
                    + " does not match the stored version " + existing + " (" + mapper.type.getSimpleName() + "."
                    + version.name + "): the row was changed by another transaction since this copy was read, and "
                    + "merging it would overwrite that change. Reload the object and apply the edit again, or leave "
                    + "the version null when merging to take the stored one");
        }
    }

    private static void copy(Mapper<?> mapper, Object from, Object to) {
        Attribute version = mapper.version;
        for (Attribute a : mapper.attributes) {
            Object value = a.getRaw(from);
            if (a != version || !unsetVersion(version, value)) {
                a.setRaw(to, value);
            }
        }
    }

    /** Versions start at 1: null, or 0 in a primitive field, is a copy that never had one. */
    private static boolean unsetVersion(Attribute version, @Nullable Object value) {
        return value == null || (version.primitive && ((Number) value).longValue() == 0);
    }

    @Override
    public boolean contains(Object instance) {
        return states.containsKey(Objects.requireNonNull(instance, "instance"));
    }

    @Override
    public boolean isModified(Object instance) {
        InstanceState state = states.get(Objects.requireNonNull(instance, "instance"));
        if (state == null) {
            return false;
        }
        if (state.snapshot == null && state.status != ObjectState.PENDING) {
            checkUsable();
            readSnapshots();
        }
        return state.status == ObjectState.PENDING || state.changed(state.current()).length > 0;
    }

    @Override
    public ObjectState stateOf(Object instance) {
        InstanceState state = states.get(Objects.requireNonNull(instance, "instance"));
        if (state != null) {
            return state.status;
        }
        if (deletedHere(instance) != null) {
            return ObjectState.DELETED;
        }
        return DetachedStates.contains(instance) ? ObjectState.DETACHED : ObjectState.TRANSIENT;
    }

    @Override
    public void makeTransient(Object instance) {
        Objects.requireNonNull(instance, "instance");
        if (closed) {
            throw new ResourceClosedError("this session is closed");
        }
        refuseIfOwnedElsewhere(instance, "make transient");
        InstanceState state = states.get(instance);
        if (state != null) {
            detach(state);
        }
        InstanceState gone = deletedHere(instance);
        if (gone != null) {
            deletedInTransaction.remove(gone);
        }
        DetachedStates.forget(instance);
    }

    @Override
    public <R> R noAutoflush(Supplier<R> work) {
        noAutoflushDepth++;
        try {
            return work.get();
        } finally {
            noAutoflushDepth--;
        }
    }

    @Override
    public void noAutoflush(Runnable work) {
        noAutoflush(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            Connection c = connection;
            connection = null;
            java.util.Collection<Connection> more = takeOthers();
            try {
                if (c != null) {
                    c.close();
                }
            } finally {
                closeAll(more, null);
            }
        } finally {
            OpenSessions.closed(this);
            // closed without a commit, the transaction rolled back: its deletes and updates did not happen
            for (InstanceState s : deletedInTransaction) {
                if (!newInTransaction.contains(s)) {
                    s.status = ObjectState.PERSISTENT;
                    identityMap.put(Objects.requireNonNull(s.key), s);
                    states.put(s.instance, s);
                }
            }
            for (InstanceState s : deleted) {
                s.status = ObjectState.PERSISTENT;
            }
            // nor its inserts (after the deletes: an object inserted and deleted in it is transient again)
            for (InstanceState s : newInTransaction) {
                IdentityKey key = s.key;
                if (s.beforeInsert != null) {
                    restore(s);
                }
                if (key != null && identityMap.get(key) == s) {
                    identityMap.remove(key);
                }
            }
            undoUpdatesSince(0);
            if (!identityMap.isEmpty()) {
                DetachedStates.putAll(identityMap.values());
            }
            unread.clear();
            states.clear();
            identityMap.clear();
            bulkDeleted = null;
            savepoints.clear();
            pending.clear();
            deleted.clear();
            newInTransaction.clear();
            deletedInTransaction.clear();
            updatedInTransaction.clear();
            closed = true;
        }
    }

    // ---------------------------------------------------------------- bulk statements

    /**
     * A bulk UPDATE of the rows an entity select matches; loaded objects of the class are expired.
     *
     * @param select the select whose WHERE chooses the rows
     * @param values new values by field name
     * @return the number of rows updated
     */
    @Override
    public long bulkUpdate(EntitySelect<?> select, Map<String, ?> values) {
        SessionImpl s = this;
        checkUsable();
        Mapper<?> mapper = Mapper.of(select.type());
        Map<String, Object> byColumn = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Attribute a = mapper.attribute(e.getKey());
            byColumn.put(a.columnName, a.toStored(e.getValue()));
        }
        Update update = Update.of(mapper.table).values(byColumn);
        ColumnElement<Boolean> where = select.select().whereClause();
        if (where != null) {
            update = update.where(where);
        }
        long count = s.execute(update).rowcount();
        for (InstanceState state : s.identityMap.values()) {
            if (state.mapper == mapper) {
                state.expired = true;
            }
        }
        return count;
    }

    /**
     * A bulk DELETE of the rows an entity select matches; loaded objects among them leave the session.
     *
     * @param select the select whose WHERE chooses the rows
     * @return the number of rows deleted
     */
    @Override
    public long bulkDelete(EntitySelect<?> select) {
        SessionImpl s = this;
        checkUsable();
        Mapper<?> mapper = Mapper.of(select.type());
        ColumnElement<Boolean> where = select.select().whereClause();
        List<dev.alchemy.sql.ColumnClause<?>> pkColumns = new ArrayList<>();
        for (Attribute a : mapper.primaryKey) {
            pkColumns.add(mapper.table.c(a.columnName));
        }
        Select pks = Select.of(pkColumns.toArray(dev.alchemy.sql.ClauseElement[]::new));
        Delete delete = Delete.from(mapper.table);
        if (where != null) {
            pks = pks.where(where);
            delete = delete.where(where);
        }
        List<IdentityKey> keys = new ArrayList<>();
        for (Row row : s.execute(pks)) {
            keys.add(
                    mapper.primaryKey.length == 1
                            ? new IdentityKey(mapper.type, row.get(0))
                            : new IdentityKey(mapper.type, List.copyOf(rowValues(row))));
        }
        long count = s.execute(delete).rowcount();
        for (IdentityKey key : keys) {
            InstanceState state = s.identityMap.remove(key);
            if (state != null) {
                s.states.remove(state.instance);
                s.deleted.remove(state);
                Set<Object> gone = s.bulkDeleted;
                if (gone == null) {
                    gone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                    s.bulkDeleted = gone;
                }
                gone.add(state.instance);
            }
        }
        return count;
    }

    private static List<Object> rowValues(Row row) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            values.add(row.get(i));
        }
        return values;
    }

    @Override
    public String toString() {
        return "session " + id;
    }
}
