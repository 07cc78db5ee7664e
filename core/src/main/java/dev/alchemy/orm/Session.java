package dev.alchemy.orm;

import dev.alchemy.engine.Executable;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Transaction;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A unit of work, like SQLAlchemy's {@code Session}: it tracks the objects you add, load, change and delete, and
 * writes all changes in one flush, parents before children, in one transaction. One object per row (the identity
 * map). Not thread-safe: use one session per thread and close it (try-with-resources), which rolls back what was not
 * committed.
 *
 * <pre>{@code
 * try (Session session = sessionFactory.openSession()) {
 *     session.add(new User("Alice", "alice@example.com"));
 *     session.commit();                                               // INSERT
 *     User user = session.query(User.class).filterBy("name", "Alice").first();
 *     user.email = "alice@newdomain.com";
 *     session.commit();                                               // UPDATE users SET email=? WHERE users.id = ?
 *     session.delete(user);
 *     session.commit();                                               // DELETE
 * }
 * }</pre>
 *
 * <p><b>Expiry differs from SQLAlchemy.</b> Java cannot intercept a plain field read, so an expired object is not
 * reloaded when you read a field. Instead, "expired" means: the next time this session loads that row (a query,
 * {@link #get}, {@link #refresh}), the object's fields are overwritten with the database's values instead of being
 * kept. Fields you changed since the object expired are kept and still written by the next flush.
 */
public interface Session extends AutoCloseable {

    /**
     * Adds a new object (pending: inserted at the next flush) or re-attaches a detached one.
     *
     * @param instance an object of a mapped class
     * @throws dev.alchemy.exc.UnmappedClassError when its class is not mapped
     */
    void add(Object instance);

    /**
     * Adds several objects.
     *
     * @param instances objects of mapped classes
     */
    void addAll(Collection<?> instances);

    /**
     * Marks a persistent object for deletion at the next flush; a pending one is simply removed.
     *
     * @param instance the object
     * @throws dev.alchemy.exc.InvalidRequestError when it is not in this session
     */
    void delete(Object instance);

    /**
     * The object with this primary key: from the identity map without SQL when it is loaded, else by a SELECT.
     *
     * @param type the mapped class
     * @param id the primary key (a {@code List} of values for a composite key, in key order)
     * @param <T> the class
     * @return the object, or null when there is no such row
     */
    <T> @Nullable T get(Class<T> type, Object id);

    /**
     * The object with this primary key, read with {@code SELECT ... FOR UPDATE} even when it is loaded: the row stays
     * locked until the transaction ends, and the object's fields are overwritten with it, as SQLAlchemy's {@code
     * session.get(User, 5, with_for_update=True)}. Autoflush runs first. SQLite has no row locks and leaves the clause
     * out (see {@link EntitySelect#withForUpdate()}); its transactions take the whole database's write lock when they
     * first write.
     *
     * <pre>{@code
     * Account account = session.getForUpdate(Account.class, 7); // locked until commit or rollback
     * account.balance -= 10;
     * session.commit();
     * }</pre>
     *
     * @param type the mapped class
     * @param id the primary key (a {@code List} of values for a composite key, in key order)
     * @param <T> the class
     * @return the object, or null when there is no such row (or the session deleted it)
     */
    <T> @Nullable T getForUpdate(Class<T> type, Object id);

    /** Writes all pending changes (INSERT, UPDATE, DELETE) to the database, within the current transaction. */
    void flush();

    /** Flushes and commits the transaction. With expire-on-commit, every object is expired. */
    void commit();

    /**
     * Rolls back the transaction: pending objects added in it become transient again, everything else is expired.
     * Required after a failed flush before the session is used again.
     */
    void rollback();

    /**
     * Reloads an object's fields from the database now (SELECT), discarding unflushed changes to it.
     *
     * @param instance a persistent object
     */
    void refresh(Object instance);

    /**
     * Marks an object expired: its next load overwrites its fields with the database's values.
     *
     * @param instance a persistent object
     */
    void expire(Object instance);

    /** Expires every object in the session. */
    void expireAll();

    /**
     * Removes an object from the session without touching the database; it becomes detached (or transient, if pending).
     *
     * @param instance the object
     */
    void expunge(Object instance);

    /** Removes every object from the session. */
    void expungeAll();

    /**
     * Copies the state of an object (typically detached, e.g. built from a web request) onto the persistent object
     * with the same primary key, loading it if needed, or adds a copy as new when there is none.
     *
     * @param instance the object to merge
     * @param <T> its class
     * @return the persistent object in this session; the argument itself is not attached
     */
    <T> T merge(T instance);

    /**
     * @param instance an object
     * @return whether it is in this session (pending, persistent or deleted)
     */
    boolean contains(Object instance);

    /**
     * @param instance an object in this session
     * @return whether it is pending, or has fields that differ from its loaded state
     */
    boolean isModified(Object instance);

    /**
     * The objects added and not yet inserted, SQLAlchemy's {@code session.new}: what the next flush inserts. With
     * {@link #dirtyObjects()} and {@link #deletedObjects()}, what a {@link SessionEvents#beforeFlush} listener looks at.
     *
     * <pre>{@code
     * for (Object o : session.newObjects()) {
     *     if (o instanceof Order order) {
     *         session.add(new AuditEntry("created", order.getNumber()));
     *     }
     * }
     * }</pre>
     *
     * @return the pending objects, in the order added (a copy)
     */
    List<Object> newObjects();

    /**
     * The persistent objects whose fields differ from their loaded state, SQLAlchemy's {@code session.dirty}: what the
     * next flush updates. It compares every persistent object, as a flush does.
     *
     * @return the changed objects (a copy)
     */
    List<Object> dirtyObjects();

    /**
     * The objects deleted and not yet flushed, SQLAlchemy's {@code session.deleted}.
     *
     * @return the deleted objects, in the order deleted (a copy)
     */
    List<Object> deletedObjects();

    /**
     * @param instance an object
     * @return its state relative to this session: {@link ObjectState#DELETED} from {@code delete()} until the
     *     transaction ends, {@link ObjectState#DETACHED} after that (a committed delete) or once its session closed
     */
    ObjectState stateOf(Object instance);

    /**
     * Makes an object transient again, like SQLAlchemy's {@code make_transient()}: the session (this one or none)
     * forgets it, and so does the record that it was deleted or detached, so that {@code add()} inserts it as a new
     * row. Its fields, the primary key among them, are left as they are. It is how an application re-inserts an
     * object it deleted, which {@code add()} otherwise refuses.
     *
     * <pre>{@code
     * session.delete(user);
     * session.commit();
     * session.makeTransient(user);
     * session.add(user);                 // INSERT, with the same id
     * }</pre>
     *
     * @param instance the object; one held by another open session is refused
     */
    void makeTransient(Object instance);

    /**
     * Begins a savepoint: rolling it back undoes the changes flushed since, commit releases it.
     *
     * @return the savepoint
     */
    Transaction beginNested();

    /**
     * A query for objects of a mapped class, like {@code session.query(User)}.
     *
     * @param type the mapped class
     * @param <T> the class
     * @return the query
     */
    <T> Query<T> query(Class<T> type);

    /**
     * Executes an entity SELECT ({@code select(User.class)...}) and returns the objects, from the identity map where
     * loaded.
     *
     * @param select the entity select
     * @param <T> the class
     * @return the objects; {@code .scalars()} returns the same result, as in SQLAlchemy
     */
    <T> ScalarResult<T> execute(EntitySelect<T> select);

    /**
     * Executes an entity SELECT and returns its objects, like {@code session.scalars(select(User))}. A select with
     * {@link EntitySelect#yieldPer(int)} is streamed: its objects are built a batch at a time from an open cursor,
     * and the result must be closed (see {@link ScalarResult}).
     *
     * <pre>{@code
     * try (ScalarResult<Event> events = session.scalars(select(Event.class).yieldPer(1000).expungeEachBatch())) {
     *     events.forEach(exporter::write);
     * }
     * }</pre>
     *
     * @param select the entity select
     * @param <T> the class
     * @return the objects
     */
    <T> ScalarResult<T> scalars(EntitySelect<T> select);

    /**
     * Executes any statement (Core select of columns, bulk insert/update/delete, text) in the session's transaction,
     * after an autoflush.
     *
     * @param statement the statement
     * @return its rows or row count
     */
    Result execute(Executable statement);

    /**
     * Executes a statement with parameters in the session's transaction.
     *
     * @param statement the statement
     * @param parameters values by name
     * @return its rows or row count
     */
    Result execute(Executable statement, Map<String, ?> parameters);

    /**
     * Updates the rows an entity select matches in one UPDATE, without loading them, like SQLAlchemy's
     * {@code session.execute(update(User).where(...).values(...))}; {@code query.update(values)} calls it. Loaded
     * objects of the class are expired, so their next load shows the new values. Cascades do not apply.
     *
     * <pre>{@code
     * long n = session.bulkUpdate(select(User.class).where(where(User::getName).eq("bob")),
     *         Map.of("email", "robert@example.com"));
     * }</pre>
     *
     * @param select the entity select whose WHERE clause chooses the rows
     * @param values new values by attribute name
     * @return the number of rows updated
     */
    long bulkUpdate(EntitySelect<?> select, Map<String, ?> values);

    /**
     * Deletes the rows an entity select matches in one DELETE, without loading them, like SQLAlchemy's
     * {@code session.execute(delete(User).where(...))}; {@code query.delete()} calls it. Loaded objects among them
     * leave the session. Cascades do not apply (the database's {@code ON DELETE} rules do).
     *
     * @param select the entity select whose WHERE clause chooses the rows
     * @return the number of rows deleted
     */
    long bulkDelete(EntitySelect<?> select);

    /**
     * Counts the rows a select would return, as {@code Query.count()} does:
     * {@code SELECT count(*) AS count_1 FROM (<the select>) AS anon_1}, with the factory's {@link LoaderCriteria}.
     *
     * @param select the select
     * @return the number of rows
     */
    long count(EntitySelect<?> select);

    /**
     * Whether a select would return any row, as {@code Query.exists()} does: {@code SELECT EXISTS (<the select>)},
     * with the factory's {@link LoaderCriteria}.
     *
     * @param select the select
     * @return whether any row matches
     */
    boolean exists(EntitySelect<?> select);

    /**
     * Runs work with autoflush off, like {@code with session.no_autoflush:}.
     *
     * @param work what to run
     * @param <R> what it returns
     * @return what it returned
     */
    <R> R noAutoflush(Supplier<R> work);

    /**
     * Runs work with autoflush off.
     *
     * @param work what to run
     */
    void noAutoflush(Runnable work);

    /** @return whether the session is open */
    boolean isOpen();

    /**
     * Rolls back what was not committed, releases the connection, and detaches every object. Closing twice is
     * harmless.
     */
    @Override
    void close();
}
