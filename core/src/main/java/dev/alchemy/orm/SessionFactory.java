package dev.alchemy.orm;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Retry;
import dev.alchemy.orm.internal.mapping.CriteriaSet;
import dev.alchemy.orm.internal.mapping.MapperListeners;
import dev.alchemy.orm.internal.session.DetachedStates;
import dev.alchemy.orm.internal.session.SessionBinds;
import dev.alchemy.orm.internal.session.SessionImpl;
import dev.alchemy.orm.internal.session.SessionOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@link Session}s bound to an engine, like SQLAlchemy's {@code sessionmaker(bind=engine)}. Thread-safe:
 * create one per application and open a session per unit of work.
 *
 * <pre>{@code
 * SessionFactory sessionFactory = new SessionFactory(engine);
 * try (Session session = sessionFactory.openSession()) {
 *     session.add(new User("Alice", "alice@example.com"));
 *     session.commit();
 * }
 * }</pre>
 *
 * <p>Models and tables may live in other databases than the engine's ({@link #withBind(Class, Engine)}, SQLAlchemy's
 * {@code binds}), and a {@link BindResolver} may choose the engine of each statement (SQLAlchemy's overridable
 * {@code get_bind()}), e.g. a read replica for read-only sessions:
 *
 * <pre>{@code
 * SessionFactory sessionFactory = new SessionFactory(primary)
 *         .withBind(AuditEvent.class, auditEngine)
 *         .withBindResolver(BindResolver.replicaForReadOnly(replica));
 * SessionFactory reports = sessionFactory.withReadOnly(true);
 * }</pre>
 */
public final class SessionFactory {

    /**
     * What a factory's sessions are made with; each {@code with...} method copies it and changes one thing, so the
     * list of settings is written once, here.
     */
    private static final class Settings {
        boolean autoflush = true;
        boolean expireOnCommit = true;
        boolean readOnly;

        @Nullable
        OrmObserver observer;

        Map<Class<?>, Engine> modelBinds = Map.of();
        Map<dev.alchemy.schema.Table, Engine> tableBinds = Map.of();

        @Nullable
        BindResolver resolver;

        List<SessionEvents> sessionEvents = List.of();
        MapperListeners mapperEvents = MapperListeners.NONE;
        CriteriaSet criteria = CriteriaSet.NONE;

        Settings copy() {
            Settings s = new Settings();
            s.autoflush = autoflush;
            s.expireOnCommit = expireOnCommit;
            s.readOnly = readOnly;
            s.observer = observer;
            s.modelBinds = modelBinds;
            s.tableBinds = tableBinds;
            s.resolver = resolver;
            s.sessionEvents = sessionEvents;
            s.mapperEvents = mapperEvents;
            s.criteria = criteria;
            return s;
        }
    }

    private final Engine engine;
    private final Settings settings;
    private final SessionBinds binds;
    private final SessionOptions options;
    /** Which objects of this factory's sessions are detached; shared by the with... copies, which open sessions alike. */
    private final DetachedStates detached;

    /**
     * A factory with the defaults: autoflush on, expire on commit on.
     *
     * @param engine the engine sessions use
     */
    public SessionFactory(Engine engine) {
        this(engine, new Settings(), new DetachedStates());
    }

    private SessionFactory(Engine engine, Settings settings, DetachedStates detached) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.settings = settings;
        this.detached = detached;
        this.binds = new SessionBinds(
                engine, settings.modelBinds, settings.tableBinds, settings.resolver, settings.readOnly);
        this.options = SessionOptions.of(
                settings.autoflush,
                settings.expireOnCommit,
                settings.observer,
                settings.sessionEvents,
                settings.mapperEvents,
                settings.criteria);
    }

    /** A copy of this factory with one setting changed; it shares the registry of detached objects. */
    private SessionFactory with(Consumer<Settings> change) {
        Settings next = settings.copy();
        change.accept(next);
        return new SessionFactory(engine, next, detached);
    }

    /**
     * Whether queries flush pending changes first, so they see them (default true).
     *
     * @param autoflush the setting
     * @return a factory with it
     */
    public SessionFactory withAutoflush(boolean autoflush) {
        return with(s -> s.autoflush = autoflush);
    }

    /**
     * Whether a commit expires every object, so that the next load refreshes it from the database (default true).
     *
     * @param expireOnCommit the setting
     * @return a factory with it
     */
    public SessionFactory withExpireOnCommit(boolean expireOnCommit) {
        return with(s -> s.expireOnCommit = expireOnCommit);
    }

    /**
     * Whether sessions only read (default false). Their transactions are read-only in the database, which refuses
     * every write ({@link dev.alchemy.engine.Connection#setReadOnly}); queries do not autoflush; and {@code flush()}
     * or {@code commit()} with changes to write (new, changed or deleted objects) raise {@code InvalidRequestError}
     * before trying. The Spring integration opens such sessions for {@code @Transactional(readOnly = true)}. A
     * {@link BindResolver} sees it ({@link BindRequest#readOnly()}), to send them to a replica
     * ({@link BindResolver#replicaForReadOnly}).
     *
     * <pre>{@code
     * try (Session session = sessionFactory.withReadOnly(true).openSession()) {
     *     List<User> users = session.query(User.class).all();
     * }
     * }</pre>
     *
     * @param readOnly the setting
     * @return a factory with it
     */
    public SessionFactory withReadOnly(boolean readOnly) {
        return with(s -> s.readOnly = readOnly);
    }

    /**
     * Keeps a model's rows in another database: its loads and its flushes run on {@code engine}, and so do Core
     * statements on its table. Subclasses of {@code model} (or classes implementing it, for an interface) follow
     * it. Like SQLAlchemy's {@code sessionmaker(binds={User: engine})}.
     *
     * <p>A session keeps a transaction per engine it used; {@code commit()} commits them one after the other, in the
     * order the engines were first used, and {@code rollback()} or {@code close()} rolls all of them back. This is not
     * a two-phase commit (nor is SQLAlchemy's default, {@code twophase=False}): a failure between two commits leaves
     * the first committed. Keep rows that must change together in one database.
     *
     * @param model a model class, a superclass or an interface of model classes
     * @param engine the engine that holds its table
     * @return a factory with the bind
     */
    public SessionFactory withBind(Class<?> model, Engine engine) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(engine, "engine");
        Map<Class<?>, Engine> next = new LinkedHashMap<>(settings.modelBinds);
        next.put(model, engine);
        return with(s -> s.modelBinds = Map.copyOf(next));
    }

    /**
     * Keeps a table in another database: statements that name it run on {@code engine} (an association table of
     * a many-to-many relationship, a table only Core statements use).
     *
     * @param table the table
     * @param engine the engine that holds it
     * @return a factory with the bind
     */
    public SessionFactory withBind(dev.alchemy.schema.Table table, Engine engine) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(engine, "engine");
        Map<dev.alchemy.schema.Table, Engine> next = new java.util.IdentityHashMap<>(settings.tableBinds);
        next.put(table, engine);
        return with(s -> s.tableBinds = java.util.Collections.unmodifiableMap(next));
    }

    /**
     * Lets the application choose the engine of every statement, after the binds: SQLAlchemy's overridable
     * {@code Session.get_bind()}. See {@link BindResolver}.
     *
     * @param resolver the choice, or null for the binds alone
     * @return a factory with it
     */
    public SessionFactory withBindResolver(@Nullable BindResolver resolver) {
        return with(s -> s.resolver = resolver);
    }

    /**
     * Whom sessions tell about their flushes and queries, for metrics and tracing (none by default).
     *
     * @param observer the observer, or null for none
     * @return a factory with it
     */
    public SessionFactory withObserver(@Nullable OrmObserver observer) {
        return with(s -> s.observer = observer);
    }

    /**
     * Listens to the sessions' transactions, flushes and ORM statements. Listeners are called in the order they were
     * added. See {@link SessionEvents}.
     *
     * <pre>{@code
     * SessionFactory sessionFactory = new SessionFactory(engine).withListener(new SessionEvents() {
     *     public void afterCommit(Session session) {
     *         cache.invalidateAll();
     *     }
     * });
     * }</pre>
     *
     * @param listener the listener
     * @return a factory with it, after those it had
     */
    public SessionFactory withListener(SessionEvents listener) {
        Objects.requireNonNull(listener, "listener");
        List<SessionEvents> next = new ArrayList<>(settings.sessionEvents);
        next.add(listener);
        return with(s -> s.sessionEvents = List.copyOf(next));
    }

    /**
     * Listens to the objects of a class as sessions write and read them: the class's, its subclasses' and, for an
     * interface or an unmapped superclass ({@code BaseEntity}), those of every model that implements or extends it.
     * Listeners are called in the order they were added, then the model's own annotated methods ({@link BeforeInsert},
     * ...). See {@link MapperEvents}.
     *
     * <pre>{@code
     * SessionFactory sessionFactory = new SessionFactory(engine).withListener(BaseEntity.class, new MapperEvents<>() {
     *     public void beforeUpdate(Connection connection, BaseEntity target) {
     *         target.updatedAt = Instant.now();
     *     }
     * });
     * }</pre>
     *
     * @param type a model class, or a superclass or interface of model classes
     * @param listener the listener
     * @param <T> the class
     * @return a factory with it, after those it had
     */
    public <T> SessionFactory withListener(Class<T> type, MapperEvents<? super T> listener) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(listener, "listener");
        return with(s -> s.mapperEvents = s.mapperEvents.with(type, listener));
    }

    /**
     * Gives every SELECT of a class (and of its subclasses, or of the models implementing an interface) a condition,
     * SQLAlchemy's {@code with_loader_criteria}: for soft delete and multi-tenancy. See {@link LoaderCriteria} for
     * where it applies and how to read past it.
     *
     * <pre>{@code
     * SessionFactory sessionFactory = new SessionFactory(engine)
     *         .withLoaderCriteria(TenantOwned.class, table -> table.c("tenant_id").eq(Tenants.current()));
     * }</pre>
     *
     * @param type a model class, or a superclass or interface of model classes
     * @param criteria the condition, asked for each statement
     * @return a factory with it, after those it had
     */
    public SessionFactory withLoaderCriteria(Class<?> type, LoaderCriteria criteria) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(criteria, "criteria");
        return with(s -> s.criteria = s.criteria.with(type, criteria));
    }

    /**
     * Opens a session. It takes a connection from the engine when it first needs one.
     *
     * @return a new session; close it when done
     */
    public Session openSession() {
        return new SessionImpl(binds, options, detached);
    }

    /**
     * Runs work in a new session whose transaction commits when the work returns, and rolls back when it throws:
     * SQLAlchemy's {@code with Session.begin() as session:}. The session is closed either way.
     *
     * <pre>{@code
     * User user = sessionFactory.inTransaction(session -> {
     *     User u = new User("Alice", "alice@example.com");
     *     session.add(u);
     *     return u;
     * });
     * }</pre>
     *
     * @param work what to do in the session
     * @param <T> what the work returns
     * @return what the work returned
     */
    public <T> T inTransaction(Function<? super Session, ? extends T> work) {
        Objects.requireNonNull(work, "work");
        try (Session session = openSession()) {
            T value = work.apply(session);
            session.commit();
            return value;
        }
    }

    /**
     * Runs work in a new session whose transaction commits when the work returns, and rolls back when it throws.
     *
     * @param work what to do in the session
     */
    public void useTransaction(Consumer<? super Session> work) {
        Objects.requireNonNull(work, "work");
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    /**
     * Runs work as {@link #inTransaction(Function)} does, and again, in a new session, when the database aborted the
     * transaction with a serialization failure or a deadlock (SQLSTATE {@code 40001}, {@code 40P01}): the loop that
     * {@code SERIALIZABLE} transactions on PostgreSQL, and transactions on CockroachDB, need (CockroachDB's
     * {@code run_transaction(sessionmaker, callback, max_retries)} for SQLAlchemy). Each attempt has a session of
     * its own, so no object of a failed attempt leaks into the next; the work may run more than once and must have
     * no effects outside the database. Not within a transaction that is already open (a Spring
     * {@code @Transactional} method), which the database aborted as a whole.
     *
     * <pre>{@code
     * int balance = sessionFactory.inTransaction(Retry.onSerializationFailure(5), session -> {
     *     Account account = session.get(Account.class, 1);
     *     account.balance -= 30;
     *     return account.balance;
     * });
     * }</pre>
     *
     * @param retry how many times, and how long to wait in between
     * @param work what to do in the session
     * @param <T> what the work returns
     * @return what the attempt that committed returned
     */
    public <T> T inTransaction(Retry retry, Function<? super Session, ? extends T> work) {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(work, "work");
        return retry.run(() -> inTransaction(work));
    }

    /** @return the engine */
    public Engine engine() {
        return engine;
    }

    /** @return whether sessions autoflush */
    public boolean autoflush() {
        return settings.autoflush;
    }

    /** @return whether sessions only read ({@link #withReadOnly}) */
    public boolean readOnly() {
        return settings.readOnly;
    }

    /** @return the observer of flushes and queries, empty when there is none */
    public Optional<OrmObserver> observer() {
        return Optional.ofNullable(settings.observer);
    }

    /** @return whether commits expire objects */
    public boolean expireOnCommit() {
        return settings.expireOnCommit;
    }
}
