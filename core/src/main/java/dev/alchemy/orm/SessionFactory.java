package dev.alchemy.orm;

import dev.alchemy.engine.Engine;
import dev.alchemy.orm.internal.SessionImpl;
import java.util.Objects;
import java.util.Optional;
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
 */
public final class SessionFactory {

    private final Engine engine;
    private final boolean autoflush;
    private final boolean expireOnCommit;
    private final boolean readOnly;
    private final @Nullable OrmObserver observer;

    /**
     * A factory with the defaults: autoflush on, expire on commit on.
     *
     * @param engine the engine sessions use
     */
    public SessionFactory(Engine engine) {
        this(engine, true, true, false, null);
    }

    private SessionFactory(
            Engine engine,
            boolean autoflush,
            boolean expireOnCommit,
            boolean readOnly,
            @Nullable OrmObserver observer) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.autoflush = autoflush;
        this.expireOnCommit = expireOnCommit;
        this.readOnly = readOnly;
        this.observer = observer;
    }

    /**
     * Whether queries flush pending changes first, so they see them (default true).
     *
     * @param autoflush the setting
     * @return a factory with it
     */
    public SessionFactory withAutoflush(boolean autoflush) {
        return new SessionFactory(engine, autoflush, expireOnCommit, readOnly, observer);
    }

    /**
     * Whether a commit expires every object, so that the next load refreshes it from the database (default true).
     *
     * @param expireOnCommit the setting
     * @return a factory with it
     */
    public SessionFactory withExpireOnCommit(boolean expireOnCommit) {
        return new SessionFactory(engine, autoflush, expireOnCommit, readOnly, observer);
    }

    /**
     * Whether sessions only read (default false). Their transactions are read-only in the database, which refuses
     * every write ({@link dev.alchemy.engine.Connection#setReadOnly}); queries do not autoflush; and {@code flush()}
     * or {@code commit()} with changes to write (new, changed or deleted objects) raise {@code InvalidRequestError}
     * before trying. The Spring integration opens such sessions for {@code @Transactional(readOnly = true)}.
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
        return new SessionFactory(engine, autoflush, expireOnCommit, readOnly, observer);
    }

    /**
     * Whom sessions tell about their flushes and queries, for metrics and tracing (none by default).
     *
     * @param observer the observer, or null for none
     * @return a factory with it
     */
    public SessionFactory withObserver(@Nullable OrmObserver observer) {
        return new SessionFactory(engine, autoflush, expireOnCommit, readOnly, observer);
    }

    /**
     * Opens a session. It takes a connection from the engine when it first needs one.
     *
     * @return a new session; close it when done
     */
    public Session openSession() {
        SessionImpl session = new SessionImpl(engine, autoflush, expireOnCommit, readOnly);
        return observer == null ? session : session.observedBy(observer);
    }

    /** @return the engine */
    public Engine engine() {
        return engine;
    }

    /** @return whether sessions autoflush */
    public boolean autoflush() {
        return autoflush;
    }

    /** @return whether sessions only read ({@link #withReadOnly}) */
    public boolean readOnly() {
        return readOnly;
    }

    /** @return the observer of flushes and queries, empty when there is none */
    public Optional<OrmObserver> observer() {
        return Optional.ofNullable(observer);
    }

    /** @return whether commits expire objects */
    public boolean expireOnCommit() {
        return expireOnCommit;
    }
}
