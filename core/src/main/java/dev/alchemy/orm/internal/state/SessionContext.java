package dev.alchemy.orm.internal.state;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Executable;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.MapperListeners;
import dev.alchemy.sql.ColumnElement;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What collections, loader strategies and cascades need from the session that owns them. The session implements it;
 * the packages below the session ({@code state}, {@code loading}, {@code relationships}) see only this, so that
 * nothing below the session depends on the session's class.
 */
public interface SessionContext {

    /** @return whether the session is open */
    boolean isOpen();

    /**
     * @param instance an object
     * @return whether the session holds it (pending, persistent or deleted)
     */
    boolean contains(Object instance);

    /**
     * @param instance an object
     * @return its state as the session sees it
     */
    ObjectState stateOf(Object instance);

    /** @param instance an object to add, as {@code Session.add} (cascades reach here) */
    void add(Object instance);

    /** @param instance an object to delete, as {@code Session.delete} (cascades reach here) */
    void delete(Object instance);

    /** @param instance a pending object to take out of the session (a pending orphan) */
    void expunge(Object instance);

    /**
     * @param instance an object
     * @return whether a bulk DELETE of this session removed its row
     */
    boolean wasBulkDeleted(Object instance);

    /**
     * @param mapper a class's mapper
     * @param id a single-column primary key value
     * @return the loaded object of that class with that key, or null
     */
    @Nullable
    Object loaded(Mapper<?> mapper, Object id);

    /**
     * Loads objects as a query does (autoflush, identity map, relationships), for the relationship machinery.
     *
     * @param select the select
     * @param overwrite whether loaded objects' fields are overwritten
     * @return the objects
     */
    List<?> loadInternal(EntitySelect<?> select, boolean overwrite);

    /**
     * @param model the model a statement is about, or null
     * @param statement the statement
     * @param write whether it writes
     * @return the connection of the session's transaction on the statement's database
     */
    Connection connectionFor(@Nullable Class<?> model, Executable statement, boolean write);

    /** Called when a collection of one of this session's objects becomes tracked. */
    void collectionTracked();

    /** Called when the application adds to one of this session's collections (autoflush then runs). */
    void collectionChanged();

    /** @return the session's epoch, which moves on when a transaction ends or a savepoint begins */
    long epoch();

    /**
     * Loads a lazy collection (and the others of its load group).
     *
     * @param collection the collection first accessed
     */
    void loadCollection(CollectionState collection);

    /** @return the listeners to the objects of each class ({@code MapperEvents} and annotated methods) */
    MapperListeners mapperListeners();

    /**
     * @param mapper a class's mapper
     * @return the condition the factory's loader criteria give its SELECTs now, or null
     */
    @Nullable
    ColumnElement<Boolean> loaderCriteria(Mapper<?> mapper);
}
