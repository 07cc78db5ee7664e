package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.AlchemyException;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.PendingRollbackError;
import dev.alchemy.exc.ResourceClosedError;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.OrmObserver;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.ScalarResult;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.internal.flush.Errors;
import dev.alchemy.orm.internal.loading.KeyedSelects;
import dev.alchemy.orm.internal.loading.ObjectLoader;
import dev.alchemy.orm.internal.loading.RelationshipLoader;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.relationships.Cascades;
import dev.alchemy.orm.internal.relationships.RelationshipExpiry;
import dev.alchemy.orm.internal.relationships.RelationshipSync;
import dev.alchemy.orm.internal.state.CollectionState;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.internal.state.SessionContext;
import dev.alchemy.orm.internal.state.StateSet;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.Update;
import java.util.ArrayList;
import java.util.Collection;
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
 * it: the {@link IdentityMap}, the {@link SessionTransaction} with its savepoints, the {@link SessionFlush}, the
 * {@link ObjectLoader}, cascades ({@link Cascades}), {@link Merge}, {@link Reattachment} and {@link BulkStatements}.
 */
public final class SessionImpl implements Session, SessionContext {

    private static final AtomicLong IDS = new AtomicLong();

    /** A number naming this session in messages ("already attached to session 3"), as SQLAlchemy's hash_key. */
    final long id = IDS.incrementAndGet();

    private final Engine engine;
    private final boolean autoflush;
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
    private final ObjectLoader objects = new ObjectLoader(this, map, relationshipLoader);
    final Cascades cascades = new Cascades(this, relationshipLoader);
    private final RelationshipExpiry expiry = new RelationshipExpiry(this, relationshipLoader);

    private @Nullable RuntimeException failedFlush;
    /** What failed: "flush", or "commit" when the database refused the COMMIT itself. */
    private String failedStep = "flush";

    private int noAutoflushDepth;
    /** Whether an element was added to a collection of this session since the last flush (autoflush then runs). */
    private boolean collectionsChanged;
    /** Whether this session ever tracked a collection: without one, autoflush has no replaced collection to look for. */
    private boolean tracksCollections;

    private @Nullable OrmObserver observer;
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
        this.autoflush = autoflush;
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

    @Override
    public Connection connectionFor(@Nullable Class<?> model, Executable statement, boolean write) {
        return connections.forStatement(model, statement, write);
    }

    Engine engine() {
        return engine;
    }

    @Override
    public void add(Object instance) {
        checkUsable();
        Objects.requireNonNull(instance, "instance");
        InstanceState state = map.state(instance);
        if (state != null) {
            if (state.status() == ObjectState.DELETED) {
                deleted.remove(state);
                state.markPersistent();
            }
            return;
        }
        Mapper<?> mapper = Mapper.of(instance.getClass());
        refuseIfOwnedElsewhere(instance, "add");
        // an object without its primary key is new, whatever its past: only one with a key can be re-attached (and
        // asking the registry first spared, a 20,000-object addAll of new objects skips it entirely)
        if (mapper.hasKey(instance) && detached.remove(instance)) {
            state = reattached.attach(instance, mapper);
        } else if (mapper.hasKey(instance)
                && (transaction.deletedHere(instance) != null || detached.isDeleted(instance))) {
            throw new InvalidRequestError("cannot add " + describe(instance, mapper) + ": it has been deleted"
                    + (transaction.deletedHere(instance) != null ? " (and the DELETE flushed)" : "")
                    + ". Use session.makeTransient(object) to send it back to the transient state, so that add() "
                    + "inserts it as a new row");
        } else {
            state = new InstanceState(instance, mapper, ObjectState.PENDING);
            map.add(state);
            pending.add(state);
            transaction.newInTransaction.add(state);
        }
        cascades.track(state);
        cascades.cascadeAdd(state);
    }

    @Override
    public void addAll(Collection<?> instances) {
        map.reserve(instances.size());
        for (Object instance : instances) {
            add(instance);
        }
    }

    @Override
    public void delete(Object instance) {
        checkUsable();
        Objects.requireNonNull(instance, "instance");
        InstanceState state = map.state(instance);
        if (state == null) {
            Mapper<?> mapper = Mapper.of(instance.getClass());
            if (transaction.deletedHere(instance) != null) {
                return; // deleted and flushed already
            }
            refuseIfOwnedElsewhere(instance, "delete");
            if (!detached.remove(instance)) {
                throw new InvalidRequestError(instance.getClass().getSimpleName() + " " + instance
                        + " is not persisted; only objects loaded or flushed by a session can be deleted");
            }
            state = reattached.attach(instance, mapper);
        }
        if (state.status() == ObjectState.PENDING) {
            pending.remove(state);
            transaction.newInTransaction.remove(state);
            map.remove(instance);
        } else if (state.status() == ObjectState.PERSISTENT) {
            InstanceState target = state;
            noAutoflush(() -> cascades.cascadeDelete(target)); // children load before the parent is gone
            state.markDeleted();
            deleted.add(state);
        }
    }

    /**
     * Refuses an object that another open session holds, as SQLAlchemy does ("already attached to session"): taken
     * here, it would be written by both, a second INSERT or an UPDATE behind the other's back.
     */
    void refuseIfOwnedElsewhere(Object instance, String what) {
        SessionImpl other = OpenSessions.holder(instance, this);
        if (other != null) {
            throw new InvalidRequestError("cannot " + what + " " + describe(instance, Mapper.of(instance.getClass()))
                    + ": it is already attached to " + other + " (this is " + this + "). An object belongs to one "
                    + "session at a time: expunge it from the other session (or close that one) first, or merge() "
                    + "it here, which copies its state onto this session's own object");
        }
    }

    /** @return whether this session holds the object: pending, persistent, or deleted in its transaction */
    boolean holds(Object instance) {
        return map.holds(instance) || (transaction.anyDeleted() && transaction.deletedHere(instance) != null);
    }

    static String describe(Object instance, Mapper<?> mapper) {
        IdentityKey key = mapper.hasKey(instance) ? mapper.keyOf(instance) : null;
        return mapper.type.getSimpleName() + (key == null ? " (no key yet)" : " with key " + key.id());
    }

    @Override
    public <T> @Nullable T get(Class<T> type, Object id) {
        checkUsable();
        Mapper<T> mapper = Mapper.of(type);
        IdentityKey key = mapper.identityKey(Objects.requireNonNull(id, "id"));
        InstanceState state = map.get(key);
        if (state != null && !state.expired()) {
            return state.status() == ObjectState.DELETED ? null : type.cast(state.instance);
        }
        List<T> found = mapper.primaryKey.length == 1
                ? load(KeyedSelects.byKeyTemplate(mapper), KeyedSelects.parameters(key), state != null)
                : load(KeyedSelects.byPrimaryKey(mapper, key), Map.of(), state != null);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public <T> @Nullable T getForUpdate(Class<T> type, Object id) {
        checkUsable();
        Mapper<T> mapper = Mapper.of(type);
        IdentityKey key = mapper.identityKey(Objects.requireNonNull(id, "id"));
        InstanceState state = map.get(key);
        if (state != null && state.status() == ObjectState.DELETED) {
            return null;
        }
        List<T> found = mapper.primaryKey.length == 1
                ? load(KeyedSelects.byKeyTemplate(mapper).withForUpdate(), KeyedSelects.parameters(key), true)
                : load(KeyedSelects.byPrimaryKey(mapper, key).withForUpdate(), Map.of(), true);
        return found.isEmpty() ? null : found.get(0);
    }

    // ---------------------------------------------------------------- loading

    private void autoflush() {
        if (!autoflush || readOnly || noAutoflushDepth > 0 || flusher.running()) {
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
        if (reattached.any()) {
            return true; // re-attached objects: the flush reads their rows and finds what changed
        }
        if (collectionsChanged || (tracksCollections && RelationshipSync.anyCollectionReplaced(map.states()))) {
            return true; // a child added to a collection is inserted first: queries see it, as in SQLAlchemy
        }
        return InstanceState.anyModified(map.states()); // an array walk; the key map's buckets chase pointers
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
        return objects.load(select, parameters, overwrite);
    }

    @Override
    public List<?> loadInternal(EntitySelect<?> select, boolean overwrite) {
        return load(select, overwrite);
    }

    @Override
    public @Nullable Object loaded(Mapper<?> mapper, Object id) {
        return objects.loaded(mapper, id);
    }

    @Override
    public void collectionTracked() {
        tracksCollections = true;
    }

    @Override
    public void collectionChanged() {
        collectionsChanged = true;
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
        boolean write = statement instanceof Insert || statement instanceof Update || statement instanceof Delete;
        if (write && readOnly) {
            throw new InvalidRequestError("this session is read-only (SessionFactory.withReadOnly): it cannot execute "
                    + statement.getClass().getSimpleName().toUpperCase(Locale.ROOT)
                    + "; write in a session of a factory that is not read-only");
        }
        autoflush();
        return connections.forStatement(null, statement, write).execute(statement, parameters);
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
        collectionsChanged = false;
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
        flush();
        connections.commit(e -> {
            // the connection rolled the transaction back: what it inserted is undone by rollback(), as after a
            // failed flush
            failedFlush = e;
            failedStep = "commit";
        });
        transaction.committed();
        if (expireOnCommit) {
            expireAll();
        }
    }

    @Override
    public void rollback() {
        if (closed) {
            throw new ResourceClosedError("this session is closed");
        }
        try {
            connections.rollback();
        } finally {
            transaction.rolledBack();
            clearFailure();
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
        collectionsChanged = false;
        SessionTransaction.revertChanges(map);
        expiry.afterRollback(map.states(), since);
        expireAll();
    }

    @Override
    public Transaction beginNested() {
        checkUsable();
        flush();
        if (connections.spansSeveral()) {
            throw new InvalidRequestError("this session's transaction spans several databases (binds); a savepoint "
                    + "covers one: use beginNested() in a session that has used one engine so far");
        }
        return transaction.beginNested(connections.forNoTable().beginNested());
    }

    @Override
    public boolean wasBulkDeleted(Object instance) {
        return bulk.wasBulkDeleted(instance);
    }

    // ---------------------------------------------------------------- object management

    @Override
    public void refresh(Object instance) {
        checkUsable();
        InstanceState state = requirePersistent(instance, "refresh");
        state.unexpire(); // so the load overwrites every field, changed ones too, as refresh promises
        List<?> found = noAutoflush(
                () -> load(KeyedSelects.byPrimaryKey(state.mapper, Objects.requireNonNull(state.key())), true));
        if (found.isEmpty()) {
            throw new InvalidRequestError("could not refresh " + state + ": its row no longer exists");
        }
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
        InstanceState state = map.state(Objects.requireNonNull(instance, "instance"));
        if (state == null) {
            throw new InvalidRequestError(instance.getClass().getSimpleName() + " is not in this session");
        }
        detach(state);
    }

    private void detach(InstanceState state) {
        map.remove(state.instance);
        pending.remove(state);
        deleted.remove(state);
        transaction.newInTransaction.remove(state);
        if (state.key() != null) {
            map.removeKey(state.key());
            if (state.status() == ObjectState.PERSISTENT) {
                detached.put(state.instance);
            }
        }
    }

    @Override
    public void expungeAll() {
        for (InstanceState s : new ArrayList<>(map.states())) {
            detach(s);
        }
        // objects whose DELETE was flushed leave too, remembered as deleted (Spring calls this after its commit)
        transaction.expunged();
    }

    @Override
    public <T> T merge(T instance) {
        checkUsable();
        Objects.requireNonNull(instance, "instance");
        return new Merge(this).merge(instance);
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
        InstanceState state = map.state(Objects.requireNonNull(instance, "instance"));
        if (state != null) {
            return state.status();
        }
        if (transaction.deletedHere(instance) != null) {
            return ObjectState.DELETED;
        }
        return detached.contains(instance) ? ObjectState.DETACHED : ObjectState.TRANSIENT;
    }

    @Override
    public void makeTransient(Object instance) {
        Objects.requireNonNull(instance, "instance");
        if (closed) {
            throw new ResourceClosedError("this session is closed");
        }
        refuseIfOwnedElsewhere(instance, "make transient");
        InstanceState state = map.state(instance);
        if (state != null) {
            detach(state);
        }
        InstanceState gone = transaction.deletedHere(instance);
        if (gone != null) {
            transaction.forgetDeletedRow(gone);
        }
        detached.forget(instance);
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
        return bulk.update(select, values);
    }

    @Override
    public long bulkDelete(EntitySelect<?> select) {
        checkUsable();
        return bulk.delete(select);
    }

    @Override
    public String toString() {
        return "session " + id;
    }
}
