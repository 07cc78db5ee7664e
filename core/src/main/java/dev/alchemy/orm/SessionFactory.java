package dev.alchemy.orm;

import dev.alchemy.engine.Engine;
import dev.alchemy.orm.internal.SessionImpl;
import java.util.Objects;

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

    /**
     * A factory with the defaults: autoflush on, expire on commit on.
     *
     * @param engine the engine sessions use
     */
    public SessionFactory(Engine engine) {
        this(engine, true, true);
    }

    private SessionFactory(Engine engine, boolean autoflush, boolean expireOnCommit) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.autoflush = autoflush;
        this.expireOnCommit = expireOnCommit;
    }

    /**
     * Whether queries flush pending changes first, so they see them (default true).
     *
     * @param autoflush the setting
     * @return a factory with it
     */
    public SessionFactory withAutoflush(boolean autoflush) {
        return new SessionFactory(engine, autoflush, expireOnCommit);
    }

    /**
     * Whether a commit expires every object, so that the next load refreshes it from the database (default true).
     *
     * @param expireOnCommit the setting
     * @return a factory with it
     */
    public SessionFactory withExpireOnCommit(boolean expireOnCommit) {
        return new SessionFactory(engine, autoflush, expireOnCommit);
    }

    /**
     * Opens a session. It takes a connection from the engine when it first needs one.
     *
     * @return a new session; close it when done
     */
    public Session openSession() {
        return new SessionImpl(engine, autoflush, expireOnCommit);
    }

    /** @return the engine */
    public Engine engine() {
        return engine;
    }

    /** @return whether sessions autoflush */
    public boolean autoflush() {
        return autoflush;
    }

    /** @return whether commits expire objects */
    public boolean expireOnCommit() {
        return expireOnCommit;
    }
}
