package dev.alchemy.orm;

import dev.alchemy.engine.Connection;

/**
 * Listens to the objects of a model class as a session writes and reads them: SQLAlchemy's {@code MapperEvents}
 * ({@code before_insert}, {@code after_insert}, ..., {@code load}, {@code refresh}). Implement the methods you need;
 * the others do nothing. Register it on a {@link SessionFactory} for a class, which covers its subclasses (and, for an
 * interface or an unmapped superclass such as a {@code BaseEntity}, every model that extends it); or annotate methods
 * of the model itself ({@link BeforeInsert}, {@link BeforeUpdate}, ...). In a Spring Boot application, beans that
 * implement this interface are registered by the starter, for the class of their type argument.
 *
 * <pre>{@code
 * SessionFactory sessionFactory = new SessionFactory(engine).withListener(Auditable.class, new MapperEvents<>() {
 *     public void beforeInsert(Connection connection, Auditable target) {
 *         target.setCreatedAt(Instant.now());
 *     }
 *
 *     public void beforeUpdate(Connection connection, Auditable target) {
 *         target.setUpdatedAt(Instant.now());    // written by the same UPDATE
 *     }
 * });
 * }</pre>
 *
 * <p>The {@code before*} methods run during the flush, just before the statements of their class: what they change on
 * the object (its own columns) is written by that flush. They must not add, delete or load objects through the
 * session (use {@link SessionEvents#beforeFlush} for that); to write other rows, use the connection they are given,
 * which is the session's transaction on the model's database. The {@code after*} methods run after the statements
 * of their class, still within the flush. An exception thrown by a listener fails the flush (the session then needs
 * {@code rollback()}, as after any failed flush) and reaches the caller unchanged. The order in which events fire is
 * documented in {@code docs/events.md}; it is SQLAlchemy's.
 *
 * @param <T> the model class (or a superclass or interface of model classes)
 */
public interface MapperEvents<T> {

    /**
     * An object is about to be inserted. Changes to its columns are part of the INSERT.
     *
     * @param connection the session's connection to the model's database
     * @param target the object
     */
    default void beforeInsert(Connection connection, T target) {}

    /**
     * An object's INSERT ran; generated keys and defaults are set on it.
     *
     * @param connection the session's connection to the model's database
     * @param target the object
     */
    default void afterInsert(Connection connection, T target) {}

    /**
     * An object with changed columns is about to be updated. Changes to its columns (an {@code updatedAt}) are part of
     * the UPDATE. As in SQLAlchemy, an object whose columns did not change is not updated and is not told.
     *
     * @param connection the session's connection to the model's database
     * @param target the object
     */
    default void beforeUpdate(Connection connection, T target) {}

    /**
     * An object's UPDATE ran.
     *
     * @param connection the session's connection to the model's database
     * @param target the object
     */
    default void afterUpdate(Connection connection, T target) {}

    /**
     * A deleted object's row is about to be deleted.
     *
     * @param connection the session's connection to the model's database
     * @param target the object
     */
    default void beforeDelete(Connection connection, T target) {}

    /**
     * A deleted object's DELETE ran.
     *
     * @param connection the session's connection to the model's database
     * @param target the object
     */
    default void afterDelete(Connection connection, T target) {}

    /**
     * An object was built from a row (a query, {@code get}, a relationship load), once per object and session; an
     * object already in the session that a query finds again is not loaded again (see {@link #refresh}).
     *
     * @param target the object, its columns set
     */
    default void load(T target) {}

    /**
     * An object already in the session got its columns from a row again: {@code session.refresh}, a query after
     * {@code expire} or a commit (which expires), {@code populateExisting()}.
     *
     * @param target the object
     */
    default void refresh(T target) {}
}
