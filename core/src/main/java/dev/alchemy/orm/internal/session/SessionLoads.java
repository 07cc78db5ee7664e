package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Executable;
import dev.alchemy.engine.Result;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.OrmObserver;
import dev.alchemy.orm.ScalarResult;
import dev.alchemy.orm.internal.loading.KeyedSelects;
import dev.alchemy.orm.internal.loading.ObjectBatches;
import dev.alchemy.orm.internal.loading.ObjectLoader;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.Update;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The session's reads of objects: queries (autoflushed first, told to the observer), {@code get} by key from the
 * identity map or the database, {@code getForUpdate} and {@code refresh}.
 */
final class SessionLoads {

    private final SessionImpl session;
    private final IdentityMap map;
    private final ObjectLoader loader;
    /** How many loads are building objects now: more than one while a query's eager relationships load. */
    private int loading;

    SessionLoads(SessionImpl session, IdentityMap map, ObjectLoader loader) {
        this.session = session;
        this.map = map;
        this.loader = loader;
    }

    <T> @Nullable T get(Class<T> type, Object id) {
        Mapper<T> mapper = Mapper.of(type);
        IdentityKey key = IdentityKey.of(mapper, id);
        InstanceState state = map.get(key);
        if (state != null && !state.expired()) {
            // get(Employee.class, id) of a plain Person held by the session: not an Employee (SQLAlchemy's None)
            return state.status() == ObjectState.DELETED || !type.isInstance(state.instance)
                    ? null
                    : type.cast(state.instance);
        }
        List<T> found = mapper.primaryKey.length == 1
                ? load(KeyedSelects.byKeyTemplate(mapper), KeyedSelects.parameters(key), state != null, COLUMN_LOAD)
                : load(KeyedSelects.byPrimaryKey(mapper, key), Map.of(), state != null, COLUMN_LOAD);
        return found.isEmpty() ? null : found.get(0);
    }

    <T> @Nullable T getForUpdate(Class<T> type, Object id) {
        Mapper<T> mapper = Mapper.of(type);
        IdentityKey key = IdentityKey.of(mapper, id);
        InstanceState state = map.get(key);
        if (state != null && state.status() == ObjectState.DELETED) {
            return null;
        }
        List<T> found = mapper.primaryKey.length == 1
                ? load(
                        KeyedSelects.byKeyTemplate(mapper).withForUpdate(),
                        KeyedSelects.parameters(key),
                        true,
                        COLUMN_LOAD)
                : load(KeyedSelects.byPrimaryKey(mapper, key).withForUpdate(), Map.of(), true, COLUMN_LOAD);
        return found.isEmpty() ? null : found.get(0);
    }

    void refresh(InstanceState state) {
        state.unexpire(); // so the load overwrites every field, changed ones too, as refresh promises
        List<?> found = session.noAutoflush(() ->
                load(KeyedSelects.byPrimaryKey(state.mapper, Objects.requireNonNull(state.key())), true, REFRESH));
        if (found.isEmpty()) {
            throw new InvalidRequestError("could not refresh " + state + ": its row no longer exists");
        }
    }

    /** What an ORM statement loads, for {@code ormExecute}: objects of a query, by key, of a relationship. */
    static final int QUERY = 0, COLUMN_LOAD = 1, RELATIONSHIP_LOAD = 2, REFRESH = 3;

    <T> List<T> load(EntitySelect<T> select, boolean overwrite, int kind) {
        return load(select, Map.of(), overwrite, kind);
    }

    /** Runs an entity select, after an autoflush, and tells the observer. */
    <T> List<T> load(EntitySelect<T> select, Map<String, ?> parameters, boolean overwrite, int kind) {
        select = prepare(select, kind);
        OrmObserver o = session.options.observer;
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

    /** The statement as it runs: with the loader criteria of its class, and as {@code ormExecute} listeners left it. */
    private <T> EntitySelect<T> prepare(EntitySelect<T> select, int kind) {
        if (kind != REFRESH) { // refresh reads an object the session holds, by its key, as SQLAlchemy's does
            select = session.options.withCriteria(select);
        }
        SessionListeners listeners = session.options.listeners;
        if (listeners.any()) {
            session.checkUsable();
            select = listeners.ormExecute(
                    session, select, kind == COLUMN_LOAD || kind == REFRESH, kind == RELATIONSHIP_LOAD);
        }
        return select;
    }

    /**
     * Runs a query with {@code yieldPer} over a cursor, after an autoflush, through the same criteria and
     * {@code ormExecute} listeners as every query; the observer's scope ends when the stream closes.
     */
    <T> ScalarResult<T> stream(EntitySelect<T> requested) {
        EntitySelect<T> select = prepare(requested, QUERY);
        session.checkUsable();
        session.autoflush.beforeQuery();
        OrmObserver o = session.options.observer;
        OrmObserver.Scope scope = o == null ? OrmObserver.Scope.NONE : o.queryStarting(select.type(), "select");
        // how to stream is the application's request, whatever a listener made of the statement
        int batchSize = requested.yieldPerSize();
        ObjectBatches<T> batches;
        try {
            batches = loader.stream(select, Map.of(), false, batchSize, !requested.isYieldPerImplied());
        } catch (RuntimeException | Error e) {
            scope.end(0, 0, 0, e);
            throw e;
        }
        SessionStream<T> stream = new SessionStream<>(session, loader, batches, requested.expungesEachBatch(), scope);
        session.lifecycle.streamOpened(stream);
        return ScalarResult.streamed(stream, stream::close, batchSize);
    }

    private <T> List<T> loadRows(EntitySelect<T> select, Map<String, ?> parameters, boolean overwrite) {
        session.checkUsable();
        // the selectin and joined loads of a query's relationships run while its rows become objects: nothing has
        // changed since the query's own autoflush unless a listener ran in between, so they skip the walk over every
        // object that finding changes takes
        if (loading == 0 || session.options.listeners.any() || session.options.mapperListeners.any()) {
            session.autoflush.beforeQuery();
        }
        loading++;
        try {
            return loader.load(select, parameters, overwrite);
        } finally {
            loading--;
        }
    }

    @Nullable
    Object loaded(Mapper<?> mapper, Object id) {
        return loader.loaded(mapper, id);
    }

    /**
     * Runs a Core statement in the session's transaction, after an autoflush.
     *
     * @throws InvalidRequestError for an entity select, or a write in a read-only session
     */
    Result execute(Executable statement, Map<String, ?> parameters) {
        if (statement instanceof EntitySelect<?>) {
            throw new InvalidRequestError(
                    "use session.scalars(select(Model.class)) or session.execute(EntitySelect) for objects");
        }
        boolean write = statement instanceof Insert || statement instanceof Update || statement instanceof Delete;
        if (write && session.readOnly) {
            throw new InvalidRequestError("this session is read-only (SessionFactory.withReadOnly): it cannot execute "
                    + statement.getClass().getSimpleName().toUpperCase(Locale.ROOT)
                    + "; write in a session of a factory that is not read-only");
        }
        session.autoflush.beforeQuery();
        return session.connections.forStatement(null, statement, write).execute(statement, parameters);
    }

    /** @return how many rows the select matches, by the compiler's COUNT */
    long count(EntitySelect<?> select) {
        Object n = execute(select.countStatement(), Map.of()).scalar();
        return n == null ? 0 : ((Number) n).longValue();
    }

    /** @return whether the select matches a row, by the compiler's EXISTS */
    boolean exists(EntitySelect<?> select) {
        Object found = execute(select.existsStatement(), Map.of()).scalar();
        if (found instanceof Boolean b) {
            return b;
        }
        return found instanceof Number n && n.intValue() != 0; // SQLite and MySQL answer 1 or 0
    }
}
