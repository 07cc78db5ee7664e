package dev.alchemy.orm.internal.flush;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Executable;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.MapperListeners;
import dev.alchemy.orm.internal.state.InstanceState;

/**
 * What the unit of work needs from the session it flushes: the connections of its transaction, and the bookkeeping
 * after each statement (so that a failed flush, or a rollback later, can put everything back).
 */
public interface FlushContext {

    /**
     * @param mapper the class whose rows are written
     * @return the connection of the session's transaction on that class's database
     */
    Connection writeConnection(Mapper<?> mapper);

    /**
     * @param model the model a statement is about
     * @param statement the statement
     * @return the connection of the session's transaction on that statement's database
     */
    Connection writeConnection(Class<?> model, Executable statement);

    /**
     * After an object's INSERT succeeded.
     *
     * @param state the object
     * @param values its stored values, keys included
     */
    void inserted(InstanceState state, Object[] values);

    /**
     * After an object's UPDATE succeeded.
     *
     * @param state the object
     * @param values its stored values now
     */
    void updated(InstanceState state, Object[] values);

    /** @param state an object whose DELETE succeeded */
    void deletedRow(InstanceState state);

    /** @param state an object whose INSERT a failed flush undid: pending again with its old field values */
    void uninserted(InstanceState state);

    /** @return the listeners to the objects of each class ({@code MapperEvents} and annotated methods) */
    MapperListeners mapperListeners();
}
