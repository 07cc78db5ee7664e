package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Connection;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.OrmExecuteState;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionEvents;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@link SessionEvents} of a session, called in the order they were registered. A session without listeners has
 * {@link #NONE}, whose every call is a test of one field.
 */
final class SessionListeners {

    static final SessionListeners NONE = new SessionListeners(List.of());

    private final List<SessionEvents> listeners;

    private SessionListeners(List<SessionEvents> listeners) {
        this.listeners = listeners;
    }

    static SessionListeners of(List<SessionEvents> listeners) {
        return listeners.isEmpty() ? NONE : new SessionListeners(List.copyOf(listeners));
    }

    boolean any() {
        return !listeners.isEmpty();
    }

    void fire(Consumer<SessionEvents> event) {
        for (SessionEvents l : listeners) {
            event.accept(l);
        }
    }

    /**
     * Fires an event on a path that is already failing: a listener's exception is added to the failure, not thrown
     * in its place.
     */
    void fireAfterFailure(Consumer<SessionEvents> event, Throwable failure) {
        for (SessionEvents l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    void afterBegin(Session session, Connection connection) {
        fire(l -> l.afterBegin(session, connection));
    }

    /**
     * Lets each listener see, and replace, an ORM statement.
     *
     * @return the statement to run
     */
    <T> EntitySelect<T> ormExecute(Session session, EntitySelect<T> select, boolean columnLoad, boolean relationship) {
        State state = new State(session, select, columnLoad, relationship);
        for (SessionEvents l : listeners) {
            l.ormExecute(state);
        }
        @SuppressWarnings("unchecked") // setStatement checks the class
        EntitySelect<T> result = (EntitySelect<T>) state.statement;
        return result;
    }

    private static final class State implements OrmExecuteState {
        private final Session session;
        private final Class<?> model;
        private final boolean columnLoad;
        private final boolean relationship;
        private EntitySelect<?> statement;

        State(Session session, EntitySelect<?> statement, boolean columnLoad, boolean relationship) {
            this.session = session;
            this.statement = statement;
            this.model = statement.type();
            this.columnLoad = columnLoad;
            this.relationship = relationship;
        }

        @Override
        public Session session() {
            return session;
        }

        @Override
        public EntitySelect<?> statement() {
            return statement;
        }

        @Override
        public void setStatement(EntitySelect<?> statement) {
            Objects.requireNonNull(statement, "statement");
            if (statement.type() != model) {
                throw new ArgumentError("ormExecute may change the statement, not what it loads: it loads "
                        + model.getName() + ", and the new statement loads "
                        + statement.type().getName());
            }
            this.statement = statement;
        }

        @Override
        public Class<?> model() {
            return model;
        }

        @Override
        public boolean isColumnLoad() {
            return columnLoad;
        }

        @Override
        public boolean isRelationshipLoad() {
            return relationship;
        }

        @Override
        public String toString() {
            return "OrmExecuteState[" + statement + "]";
        }
    }
}
