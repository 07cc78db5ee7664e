package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.PendingRollbackError;
import dev.alchemy.exc.ResourceClosedError;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.ManagedTransactionEvents;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.OrmObserver;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.ScalarResult;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionEvents;
import dev.alchemy.orm.internal.loading.ObjectLoader;
import dev.alchemy.orm.internal.loading.RelationshipLoader;
import dev.alchemy.orm.internal.mapping.CriteriaSet;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.MapperListeners;
import dev.alchemy.orm.internal.relationships.Cascades;
import dev.alchemy.orm.internal.relationships.RelationshipExpiry;
import dev.alchemy.orm.internal.state.CollectionState;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.internal.state.SessionContext;
import dev.alchemy.orm.internal.state.StateSet;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.Update;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The session, as SQLAlchemy's {@code session.py}: the public operations, each handing its work to the part that owns
 * it: the {@link IdentityMap}, {@link SessionObjects} (add, delete, expunge), {@link SessionLoads} (queries, get,
 * refresh) with its {@link Autoflush}, the {@link SessionFlush}, the {@link SessionTransaction} with its savepoints,
 * {@link SessionConnections}, {@link Merge}, {@link Reattachment} and {@link BulkStatements}.
 */
public final class SessionImpl implements Session, SessionContext, ManagedTransactionEvents {

    private static final AtomicLong IDS = new AtomicLong();

    /** A number naming this session in messages ("already attached to session 3"), as SQLAlchemy's hash_key. */
    final long id = IDS.incrementAndGet();

    private final Engine engine;
    final Autoflush autoflush;
    private final boolean readOnly;
    private final boolean expireOnCommit;

    /** The session's objects, by identity and by key. */
    final IdentityMap map = new IdentityMap();
    /** Objects added and not yet inserted. */
    final StateSet pending = new StateSet(StateSet.Kind.PENDING);
    /** Objects deleted and not yet flushed. */
    final Set<InstanceState> deleted = new LinkedHashSet<>();

    /** The detached objects of this session's factory: closing registers them, add() re-attaches them. */
    final DetachedStates detached;

    final SessionTransaction transaction = new SessionTransaction(this, map);
    final SessionConnections connections;
    final Reattachment reattached = new Reattachment(this, map);
    private final SessionFlush flusher = new SessionFlush(this, map);
    private final BulkStatements bulk = new BulkStatements(this, map);
    private final RelationshipLoader relationshipLoader = new RelationshipLoader(this);
    private final SessionLoads loads = new SessionLoads(this, map, new ObjectLoader(this, map, relationshipLoader));
    private final SessionObjects objects = new SessionObjects(this, map);
    final Cascades cascades = new Cascades(this, relationshipLoader);
    private final RelationshipExpiry expiry = new RelationshipExpiry(this, relationshipLoader);

    private @Nullable RuntimeException failedFlush;
    /** What failed: "flush", or "commit" when the database refused the COMMIT itself. */
    private String failedStep = "flush";

    private @Nullable OrmObserver observer;
    /** The factory's {@code SessionEvents}, and the {@code MapperEvents} of each class. */
    SessionListeners listeners = SessionListeners.NONE;

    private MapperListeners mapperListeners = MapperListeners.NONE;
    /** The factory's loader criteria (SQLAlchemy's with_loader_criteria). */
    private CriteriaSet criteria = CriteriaSet.NONE;

    private boolean closed;

    /** The streamed queries open in this session ({@code yieldPer}), released when its transaction ends. */
    private final List<SessionStream<?>> streams = new ArrayList<>(0);

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
        this(
                new SessionBinds(engine, Map.of(), Map.of(), null, readOnly),
                autoflush,
                expireOnCommit,
                new DetachedStates());
    }

    /**
     * @param binds which engine each statement runs on, and whether the session only reads
     * @param autoflush whether queries flush first
     * @param expireOnCommit whether commits expire objects
     * @param detached the detached objects of the session's factory
     */
    public SessionImpl(SessionBinds binds, boolean autoflush, boolean expireOnCommit, DetachedStates detached) {
        Objects.requireNonNull(binds, "binds");
        this.detached = Objects.requireNonNull(detached, "detached");
        this.engine = binds.engine();
        this.autoflush = new Autoflush(this, map, autoflush);
        this.expireOnCommit = expireOnCommit;
        this.readOnly = binds.readOnly();
        this.connections = new SessionConnections(binds, readOnly, transaction::savepointOpen);
        OpenSessions.opened(this);
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

    /**
     * Tells listeners about this session's transactions, flushes, statements and objects; called by the
     * {@code SessionFactory} that opens it.
     *
     * @param sessionEvents the session listeners, in order
     * @param mapperEvents the listeners to the objects of each class
     * @return this session
     */
    public SessionImpl listenedBy(List<SessionEvents> sessionEvents, MapperListeners mapperEvents) {
        this.listeners = SessionListeners.of(sessionEvents);
        this.mapperListeners = Objects.requireNonNull(mapperEvents, "mapperEvents");
        if (listeners.any()) {
            connections.onBegin(c -> listeners.afterBegin(this, c));
        }
        return this;
    }

    @Override
    public MapperListeners mapperListeners() {
        return mapperListeners;
    }

    /**
     * Gives the SELECTs of this session the factory's loader criteria; called by the {@code SessionFactory}.
     *
     * @param criteria the criteria
     * @return this session
     */
    public SessionImpl withLoaderCriteria(CriteriaSet criteria) {
        this.criteria = Objects.requireNonNull(criteria, "criteria");
        return this;
    }

    @Override
    public @Nullable ColumnElement<Boolean> loaderCriteria(Mapper<?> mapper) {
        return criteria.any() ? criteria.condition(mapper) : null;
    }

    /** @return the select with the loader criteria of its class, unless it leaves them out */
    <T> EntitySelect<T> withCriteria(EntitySelect<T> select) {
        if (!criteria.any() || !select.includesLoaderCriteria()) {
            return select;
        }
        ColumnElement<Boolean> condition = criteria.condition(Mapper.of(select.type()));
        return condition == null ? select : select.where(condition);
    }

    // ---------------------------------------------------------------- state

    void checkUsable() {
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

    @Override
    public Connection connectionFor(@Nullable Class<?> model, Executable statement, boolean write) {
        return connections.forStatement(model, statement, write);
    }

    Engine engine() {
        return engine;
    }

    boolean readOnly() {
        return readOnly;
    }

    boolean flushing() {
        return flusher.running();
    }

    @Nullable
    OrmObserver observer() {
        return observer;
    }

    @Override
    public void add(Object instance) {
        checkUsable();
        objects.add(Objects.requireNonNull(instance, "instance"));
    }

    @Override
    public void addAll(Collection<?> instances) {
        checkUsable();
        map.reserve(instances.size());
        for (Object instance : instances) {
            Objects.requireNonNull(instance, "an element of instances");
        }
        objects.add(instances);
    }

    @Override
    public void delete(Object instance) {
        checkUsable();
        objects.delete(Objects.requireNonNull(instance, "instance"));
    }

    /** See {@link SessionObjects#refuseIfOwnedElsewhere}. */
    void refuseIfOwnedElsewhere(Object instance, String what) {
        objects.refuseIfOwnedElsewhere(instance, what);
    }

    /** @return whether this session holds the object: pending, persistent, or deleted in its transaction */
    boolean holds(Object instance) {
        return objects.holds(instance);
    }

    static String describe(Object instance, Mapper<?> mapper) {
        return SessionObjects.describe(instance, mapper);
    }

    @Override
    public <T> @Nullable T get(Class<T> type, Object id) {
        checkUsable();
        return loads.get(type, Objects.requireNonNull(id, "id"));
    }

    @Override
    public <T> @Nullable T getForUpdate(Class<T> type, Object id) {
        checkUsable();
        return loads.getForUpdate(type, Objects.requireNonNull(id, "id"));
    }

    // ---------------------------------------------------------------- loading

    /** @return whether a flush would have anything to write (SQLAlchemy's {@code not session._is_clean()}) */
    boolean hasChanges() {
        return !pending.isEmpty() || !deleted.isEmpty() || autoflush.anyModified();
    }

    @Override
    public List<?> loadInternal(EntitySelect<?> select, boolean overwrite) {
        return loads.load(select, overwrite, SessionLoads.RELATIONSHIP_LOAD);
    }

    @Override
    public @Nullable Object loaded(Mapper<?> mapper, Object id) {
        return loads.loaded(mapper, id);
    }

    @Override
    public void collectionTracked() {
        autoflush.collectionTracked();
    }

    @Override
    public void collectionChanged() {
        autoflush.collectionChanged();
    }

    @Override
    public long epoch() {
        return transaction.epoch();
    }

    @Override
    public void loadCollection(CollectionState cs) {
        checkUsable();
        relationshipLoader.loadGroup(cs.group != null ? cs.group.members : List.of(cs));
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
        if (select.yieldPerSize() > 0) {
            checkUsable();
            return loads.stream(select);
        }
        return new ScalarResult<>(loads.load(Objects.requireNonNull(select, "select"), false, SessionLoads.QUERY));
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
        boolean write = statement instanceof Insert || statement instanceof Update || statement instanceof Delete;
        if (write && readOnly) {
            throw new InvalidRequestError("this session is read-only (SessionFactory.withReadOnly): it cannot execute "
                    + statement.getClass().getSimpleName().toUpperCase(Locale.ROOT)
                    + "; write in a session of a factory that is not read-only");
        }
        autoflush.beforeQuery();
        return connections.forStatement(null, statement, write).execute(statement, parameters);
    }

    void streamOpened(SessionStream<?> stream) {
        streams.add(stream);
    }

    void streamClosed(SessionStream<?> stream) {
        streams.remove(stream);
    }

    /** Releases the streams still open: their cursors end with the transaction. */
    private void releaseStreams(String because) {
        if (streams.isEmpty()) {
            return;
        }
        for (SessionStream<?> s : new ArrayList<>(streams)) {
            s.release(because);
        }
        streams.clear();
    }

    // ---------------------------------------------------------------- flush

    @Override
    public void flush() {
        checkUsable();
        if (flusher.running()) {
            return;
        }
        if (readOnly) {
            flusher.refuseChangesWhenReadOnly();
            return;
        }
        flusher.run(observer);
    }

    /** After a successful flush. */
    void flushed() {
        autoflush.collectionsSettled();
    }

    /** A flush failed: the transaction is rolled back (or only the innermost savepoint), and the session waits. */
    void failFlush(Throwable e) {
        Savepoint savepoint = transaction.innermostSavepoint();
        if (savepoint != null) {
            // inside beginNested(): only the savepoint's work is lost; its rollback() makes the session usable again
            try {
                savepoint.rolledBackByFailedFlush();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
        } else {
            connections.closeAfter(e);
        }
        failedFlush = e instanceof RuntimeException r ? r : new InvalidRequestError(String.valueOf(e.getMessage()), e);
        if (listeners.any()) {
            listeners.fireAfterFailure(l -> l.afterRollback(this), e);
            listeners.fireAfterFailure(l -> l.afterSoftRollback(this), e);
        }
    }

    /** The session is usable again (after a rollback of the transaction or of the savepoint a flush failed in). */
    void clearFailure() {
        failedFlush = null;
        failedStep = "flush";
    }

    // ---------------------------------------------------------------- transactions

    @Override
    public void commit() {
        checkUsable();
        if (listeners.any()) {
            listeners.fire(l -> l.beforeCommit(this));
            // listeners of the flush (afterFlushPostexec) may change objects again: flush until nothing is left, as
            // SQLAlchemy's commit does (at most 100 times)
            for (int i = 0; i < 100 && (i == 0 || hasChanges()); i++) {
                flush();
            }
        } else {
            flush();
        }
        releaseStreams("the session's transaction was committed");
        connections.commit(e -> {
            // the connection rolled the transaction back: what it inserted is undone by rollback(), as after a
            // failed flush
            failedFlush = e;
            failedStep = "commit";
            if (listeners.any()) {
                listeners.fireAfterFailure(l -> l.afterRollback(this), e);
                listeners.fireAfterFailure(l -> l.afterSoftRollback(this), e);
            }
        });
        transaction.committed();
        if (expireOnCommit) {
            expireAll();
        }
        listeners.fire(l -> l.afterCommit(this));
    }

    @Override
    public void rollback() {
        if (closed) {
            throw new ResourceClosedError("this session is closed");
        }
        // SQLAlchemy's after_rollback fires when the database rolls back; after_soft_rollback on every rollback() of a
        // transaction, also one a failed flush rolled back already
        boolean real = connections.current() != null;
        boolean soft = real || failedFlush != null;
        releaseStreams("the session's transaction was rolled back");
        try {
            connections.rollback();
        } finally {
            transaction.rolledBack();
            clearFailure();
        }
        if (real) {
            listeners.fire(l -> l.afterRollback(this));
        }
        if (soft) {
            listeners.fire(l -> l.afterSoftRollback(this));
        }
    }

    /** Objects deleted and not flushed are persistent again. */
    void undeleteAll() {
        for (InstanceState s : deleted) {
            s.markPersistent();
        }
        deleted.clear();
    }

    /**
     * After a rollback (of the transaction or a savepoint) undid the bookkeeping: fields show the stored values,
     * relationships what the rows hold, and everything expires.
     *
     * @param since the epoch at which the rolled-back work began
     */
    void afterUndo(long since) {
        autoflush.collectionsSettled();
        SessionTransaction.revertChanges(map);
        expiry.afterRollback(map.states(), since);
        expireAll();
    }

    @Override
    public void beforeCommit() {
        listeners.fire(l -> l.beforeCommit(this));
    }

    @Override
    public void afterCommit() {
        releaseStreams("the session's transaction was committed");
        listeners.fire(l -> l.afterCommit(this));
    }

    @Override
    public void afterRollback() {
        releaseStreams("the session's transaction was rolled back");
        listeners.fire(l -> l.afterRollback(this));
        listeners.fire(l -> l.afterSoftRollback(this));
    }

    @Override
    public Transaction beginNested() {
        checkUsable();
        flush();
        if (connections.spansSeveral()) {
            throw new InvalidRequestError("this session's transaction spans several databases (binds); a savepoint "
                    + "covers one: use beginNested() in a session that has used one engine so far");
        }
        Connection connection = connections.forNoTable();
        Transaction savepoint = transaction.beginNested(connection.beginNested());
        listeners.fire(l -> l.afterBegin(this, connection));
        return savepoint;
    }

    @Override
    public boolean wasBulkDeleted(Object instance) {
        return bulk.wasBulkDeleted(instance);
    }

    // ---------------------------------------------------------------- object management

    @Override
    public void refresh(Object instance) {
        checkUsable();
        loads.refresh(requirePersistent(instance, "refresh"));
    }

    private InstanceState requirePersistent(Object instance, String what) {
        InstanceState state = map.state(Objects.requireNonNull(instance, "instance"));
        if (state == null || state.key() == null) {
            throw new InvalidRequestError("cannot " + what + " "
                    + instance.getClass().getSimpleName() + ": it is not persistent in this session");
        }
        return state;
    }

    @Override
    public void expire(Object instance) {
        requirePersistent(instance, "expire").expire();
    }

    @Override
    public void expireAll() {
        for (InstanceState s : map.persistent()) {
            s.expire();
        }
    }

    @Override
    public void expunge(Object instance) {
        objects.expunge(Objects.requireNonNull(instance, "instance"));
    }

    @Override
    public void expungeAll() {
        objects.expungeAll();
    }

    @Override
    public <T> T merge(T instance) {
        checkUsable();
        Objects.requireNonNull(instance, "instance");
        // as SQLAlchemy: what is pending is flushed once, then the merge's reads run without autoflush, so that each
        // merged object is written by one UPDATE at the next flush rather than once per read inside the merge
        autoflush.beforeQuery();
        return autoflush.suspended(() -> new Merge(this).merge(instance));
    }

    @Override
    public List<Object> newObjects() {
        List<Object> objects = new ArrayList<>(pending.size());
        for (InstanceState s : pending) {
            objects.add(s.instance);
        }
        return Collections.unmodifiableList(objects);
    }

    @Override
    public List<Object> dirtyObjects() {
        if (reattached.any()) {
            checkUsable();
            reattached.readSnapshots();
        }
        List<Object> objects = new ArrayList<>();
        for (InstanceState s : map.persistent()) {
            if (s.status() == ObjectState.PERSISTENT && s.snapshot() != null && s.changed(s.current()).length > 0) {
                objects.add(s.instance);
            }
        }
        return Collections.unmodifiableList(objects);
    }

    @Override
    public List<Object> deletedObjects() {
        List<Object> objects = new ArrayList<>(deleted.size());
        for (InstanceState s : deleted) {
            objects.add(s.instance);
        }
        return Collections.unmodifiableList(objects);
    }

    @Override
    public boolean contains(Object instance) {
        return map.holds(Objects.requireNonNull(instance, "instance"));
    }

    @Override
    public boolean isModified(Object instance) {
        InstanceState state = map.state(Objects.requireNonNull(instance, "instance"));
        if (state == null) {
            return false;
        }
        if (state.snapshot() == null && state.status() != ObjectState.PENDING) {
            checkUsable();
            reattached.readSnapshots();
        }
        return state.status() == ObjectState.PENDING || state.changed(state.current()).length > 0;
    }

    @Override
    public ObjectState stateOf(Object instance) {
        return objects.stateOf(Objects.requireNonNull(instance, "instance"));
    }

    @Override
    public void makeTransient(Object instance) {
        Objects.requireNonNull(instance, "instance");
        if (closed) {
            throw new ResourceClosedError("this session is closed");
        }
        objects.makeTransient(instance);
    }

    @Override
    public <R> R noAutoflush(Supplier<R> work) {
        return autoflush.suspended(work);
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
            releaseStreams("the session was closed");
            connections.close();
        } finally {
            OpenSessions.closed(this);
            // closed without a commit, the transaction rolled back: its deletes, updates and inserts did not happen
            transaction.closed();
            if (map.keyCount() > 0) {
                detached.putAll(map.persistent());
            }
            reattached.clear();
            map.clear();
            bulk.clear();
            pending.clear();
            deleted.clear();
            closed = true;
        }
    }

    // ---------------------------------------------------------------- bulk statements

    @Override
    public long bulkUpdate(EntitySelect<?> select, Map<String, ?> values) {
        checkUsable();
        return bulk.update(withCriteria(select), values);
    }

    @Override
    public long bulkDelete(EntitySelect<?> select) {
        checkUsable();
        return bulk.delete(withCriteria(select));
    }

    @Override
    public long count(EntitySelect<?> select) {
        Object n = execute(
                        withCriteria(Objects.requireNonNull(select, "select")).countStatement())
                .scalar();
        return n == null ? 0 : ((Number) n).longValue();
    }

    @Override
    public boolean exists(EntitySelect<?> select) {
        Object found = execute(
                        withCriteria(Objects.requireNonNull(select, "select")).existsStatement())
                .scalar();
        if (found instanceof Boolean b) {
            return b;
        }
        return found instanceof Number n && n.intValue() != 0; // SQLite and MySQL answer 1 or 0
    }

    @Override
    public String toString() {
        return "session " + id;
    }
}
