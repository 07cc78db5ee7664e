package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Executable;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.internal.mapping.Mapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The connections of a session's transaction: one per engine the session's binds route statements to, opened on first
 * use; the first is the session's main connection, the others are usually none.
 */
final class SessionConnections {

    /** Which engine each statement runs on: the factory's binds. */
    private final SessionBinds binds;

    private final boolean readOnly;
    /** Whether a savepoint is open: a savepoint covers one database, so no other may join the transaction. */
    private final BooleanSupplier savepointOpen;

    private @Nullable Connection connection;
    /** Told of each connection the session begins a transaction on (SQLAlchemy's after_begin), or null. */
    private @Nullable Consumer<Connection> onBegin;
    /** Connections to engines other than {@link #connection}'s, opened for bound models or tables; usually null. */
    private @Nullable Map<Engine, Connection> others;

    SessionConnections(SessionBinds binds, boolean readOnly, BooleanSupplier savepointOpen) {
        this.binds = binds;
        this.readOnly = readOnly;
        this.savepointOpen = savepointOpen;
    }

    /** @param onBegin told of each connection the session begins a transaction on */
    void onBegin(Consumer<Connection> onBegin) {
        this.onBegin = onBegin;
    }

    private void begun(Connection c) {
        Consumer<Connection> told = onBegin;
        if (told != null) {
            told.accept(c);
        }
    }

    /** @return the main connection, when one is open */
    @Nullable
    Connection current() {
        return connection;
    }

    /** @return whether the transaction spans more than one engine */
    boolean spansSeveral() {
        return others != null;
    }

    /** @return whether every statement runs on one engine (no binds) */
    boolean single() {
        return binds.single();
    }

    /** @return the connection of the transaction on the engine a statement of no model and no table runs on */
    Connection forNoTable() {
        Connection c = connection;
        return c != null ? c : connection(binds.forNoTable());
    }

    /** @return the connection for a model's statements, a write or a read */
    Connection forModel(Mapper<?> mapper, boolean write) {
        return connection(binds.forModel(mapper, write));
    }

    /** @return the connection for a statement (of a model, or null), a write or a read */
    Connection forStatement(@Nullable Class<?> model, Executable statement, boolean write) {
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
            begun(c);
            return c;
        }
        if (c.engine() == target) {
            return c;
        }
        Map<Engine, Connection> more = others;
        Connection other = more == null ? null : more.get(target);
        if (other == null) {
            if (savepointOpen.getAsBoolean()) {
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
            begun(other);
        }
        return other;
    }

    /** @return the main connection, forgotten by the session (the caller ends it), or null */
    @Nullable
    Connection take() {
        Connection c = connection;
        connection = null;
        return c;
    }

    /** @return the connections of the other engines, forgotten by the session; empty when there are none */
    Collection<Connection> takeOthers() {
        Map<Engine, Connection> more = others;
        others = null;
        return more == null ? List.of() : more.values();
    }

    /**
     * Closes connections (which rolls back what they did not commit).
     *
     * @param connections the connections
     * @param failure what failed already, to which a failure to close is added; null to throw it
     */
    static void closeAll(Collection<Connection> connections, @Nullable Throwable failure) {
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

    /**
     * Commits the transaction on every engine, one after the other in the order they were first used (not atomic
     * across databases), and closes the connections.
     *
     * @param onFailure told of a failed COMMIT before it is thrown
     */
    void commit(java.util.function.Consumer<RuntimeException> onFailure) {
        Connection c = take();
        if (c == null) {
            return;
        }
        Collection<Connection> more = takeOthers();
        Throwable failure = null;
        try {
            c.commit();
            for (Connection other : more) {
                other.commit();
            }
        } catch (RuntimeException e) {
            onFailure.accept(e);
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

    /** Rolls back the transaction on every engine and closes the connections. */
    void rollback() {
        Connection c = take();
        Collection<Connection> more = takeOthers();
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
    }

    /** Closes every connection, which rolls back what was not committed. */
    void close() {
        Connection c = take();
        Collection<Connection> more = takeOthers();
        try {
            if (c != null) {
                c.close();
            }
        } finally {
            closeAll(more, null);
        }
    }

    /**
     * After a failed flush: closes every connection. Closing rolls back a connection of our own; on one whose
     * transaction is managed outside Alchemy (Spring's), it leaves the rollback to the manager, which the exception
     * reaches. An explicit rollback() would throw there and hang a misleading suppressed error on the flush's own.
     *
     * @param e what failed, to which failures to close are added
     */
    void closeAfter(Throwable e) {
        Connection c = take();
        closeAll(takeOthers(), e);
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
        }
    }
}
