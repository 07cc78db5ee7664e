package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.ResourceClosedError;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.ManagedTransactionEvents;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.ScalarResult;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.internal.loading.ObjectLoader;
import dev.alchemy.orm.internal.loading.RelationshipLoader;
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
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

    final Engine engine;
    final Autoflush autoflush;
    final boolean readOnly;

    /** The session's objects, by identity and by key. */
    final IdentityMap map = new IdentityMap();
    /** Objects added and not yet inserted. */
    final StateSet pending = new StateSet(StateSet.Kind.PENDING);
    /** Objects deleted and not yet flushed. */
    final Set<InstanceState> deleted = new LinkedHashSet<>();

    /** The detached objects of this session's factory: closing registers them, add() re-attaches them. */
    final DetachedStates detached;

    final SessionTransaction transaction = new SessionTransaction(this, map);
    /** Commit, rollback, savepoints and a failed flush's aftermath, on the session's side. */
    final SessionLifecycle lifecycle = new SessionLifecycle(this);

    final SessionConnections connections;
    final Reattachment reattached = new Reattachment(this, map);
    final SessionFlush flusher = new SessionFlush(this, map);
    final BulkStatements bulk = new BulkStatements(this, map);
    private final RelationshipLoader relationshipLoader = new RelationshipLoader(this);
    private final SessionLoads loads = new SessionLoads(this, map, new ObjectLoader(this, map, relationshipLoader));
    final SessionObjects objects = new SessionObjects(this, map);
    final Cascades cascades = new Cascades(this, relationshipLoader);
    final RelationshipExpiry expiry = new RelationshipExpiry(this, relationshipLoader);

    /** The factory's observer, listeners and loader criteria. */
    final SessionOptions options;

    boolean closed;

    /**
     * @param binds which engine each statement runs on, and whether the session only reads
     * @param options autoflush, expire on commit, the observer, listeners and loader criteria of the factory
     * @param detached the detached objects of the session's factory
     */
    public SessionImpl(SessionBinds binds, SessionOptions options, DetachedStates detached) {
        Objects.requireNonNull(binds, "binds");
        this.options = Objects.requireNonNull(options, "options");
        this.detached = Objects.requireNonNull(detached, "detached");
        this.engine = binds.engine();
        this.autoflush = new Autoflush(this, map, options.autoflush);
        this.readOnly = binds.readOnly();
        this.connections = new SessionConnections(binds, readOnly, transaction::savepointOpen);
        if (options.listeners.any()) {
            connections.onBegin(c -> options.listeners.afterBegin(this, c));
        }
        OpenSessions.opened(this);
    }

    @Override
    public MapperListeners mapperListeners() {
        return options.mapperListeners;
    }

    @Override
    public @Nullable ColumnElement<Boolean> loaderCriteria(Mapper<?> mapper) {
        return options.loaderCriteria(mapper);
    }

    // ---------------------------------------------------------------- state

    void checkUsable() {
        if (closed) {
            throw new ResourceClosedError("this session is closed; open a new one with sessionFactory.openSession()");
        }
        lifecycle.checkNotFailed();
    }

    @Override
    public Connection connectionFor(@Nullable Class<?> model, Executable statement, boolean write) {
        return connections.forStatement(model, statement, write);
    }

    @Override
    public void add(Object instance) {
        checkUsable();
        objects.add(Objects.requireNonNull(instance, "instance"));
    }

    @Override
    public void addAll(Collection<?> instances) {
        checkUsable();
        objects.addAll(instances);
    }

    @Override
    public void delete(Object instance) {
        checkUsable();
        objects.delete(Objects.requireNonNull(instance, "instance"));
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
        return loads.execute(Objects.requireNonNull(statement, "statement"), parameters);
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
        flusher.run(options.observer);
    }

    // ---------------------------------------------------------------- transactions

    @Override
    public void commit() {
        checkUsable();
        lifecycle.commit();
    }

    @Override
    public void rollback() {
        if (closed) {
            throw new ResourceClosedError("this session is closed");
        }
        lifecycle.rollback();
    }

    @Override
    public void beforeCommit() {
        lifecycle.beforeCommit();
    }

    @Override
    public void afterCommit() {
        lifecycle.afterCommit();
    }

    @Override
    public void afterRollback() {
        lifecycle.afterRollback();
    }

    @Override
    public Transaction beginNested() {
        checkUsable();
        return lifecycle.beginNested();
    }

    @Override
    public boolean wasBulkDeleted(Object instance) {
        return bulk.wasBulkDeleted(instance);
    }

    // ---------------------------------------------------------------- object management

    @Override
    public void refresh(Object instance) {
        checkUsable();
        loads.refresh(objects.requirePersistent(instance, "refresh"));
    }

    @Override
    public void expire(Object instance) {
        objects.requirePersistent(instance, "expire").expire();
    }

    @Override
    public void expireAll() {
        objects.expireAll();
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
        return objects.newObjects();
    }

    @Override
    public List<Object> dirtyObjects() {
        return objects.dirtyObjects();
    }

    @Override
    public List<Object> deletedObjects() {
        return objects.deletedObjects();
    }

    @Override
    public boolean contains(Object instance) {
        return map.holds(Objects.requireNonNull(instance, "instance"));
    }

    @Override
    public boolean isModified(Object instance) {
        return objects.isModified(Objects.requireNonNull(instance, "instance"));
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
        if (!closed) {
            closed = true;
            lifecycle.close();
        }
    }

    // ---------------------------------------------------------------- bulk statements

    @Override
    public long bulkUpdate(EntitySelect<?> select, Map<String, ?> values) {
        checkUsable();
        return bulk.update(options.withCriteria(select), values);
    }

    @Override
    public long bulkDelete(EntitySelect<?> select) {
        checkUsable();
        return bulk.delete(options.withCriteria(select));
    }

    @Override
    public long count(EntitySelect<?> select) {
        return loads.count(options.withCriteria(Objects.requireNonNull(select, "select")));
    }

    @Override
    public boolean exists(EntitySelect<?> select) {
        return loads.exists(options.withCriteria(Objects.requireNonNull(select, "select")));
    }

    @Override
    public String toString() {
        return "session " + id;
    }
}
