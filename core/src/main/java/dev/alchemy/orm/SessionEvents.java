package dev.alchemy.orm;

import dev.alchemy.engine.Connection;

/**
 * Listens to a session's transaction, flushes and ORM statements: SQLAlchemy's {@code SessionEvents}. Implement the
 * methods you need; the others do nothing. Register it on a {@link SessionFactory} with
 * {@link SessionFactory#withListener(SessionEvents)}; in a Spring Boot application, beans that implement this interface
 * are registered by the starter.
 *
 * <pre>{@code
 * SessionFactory sessionFactory = new SessionFactory(engine).withListener(new SessionEvents() {
 *     public void beforeFlush(Session session) {
 *         for (Object o : session.newObjects()) {
 *             if (o instanceof Order order) {
 *                 session.add(new AuditEntry("order created", order.getNumber()));  // in the same flush
 *             }
 *         }
 *     }
 * });
 * }</pre>
 *
 * <p>For one {@code commit()} that has changes to write, the order is: {@code beforeCommit}, {@code beforeFlush},
 * {@code afterBegin} (when the flush first uses the database), the flush's {@link MapperEvents}, {@code afterFlush},
 * {@code afterFlushPostexec}, {@code afterCommit}. A rollback, or a flush that fails, ends with
 * {@code afterRollback} and {@code afterSoftRollback}; {@code afterCommit} never fires for work that was rolled back.
 * The whole order, as SQLAlchemy's, is in {@code docs/events.md}. An exception thrown by a listener reaches the caller
 * unchanged; thrown from a {@code before*} method it stops what was about to happen.
 */
public interface SessionEvents {

    /**
     * The session began a transaction on a connection: its first statement on that database (and a
     * {@code beginNested()} savepoint, when it begins). Statements run on the connection belong to the transaction.
     *
     * @param session the session
     * @param connection the connection
     */
    default void afterBegin(Session session, Connection connection) {}

    /**
     * A flush with something to write is about to begin. The listener may still add, change and delete objects
     * through the session: the same flush writes them (and {@link MapperEvents} see them).
     *
     * @param session the session
     */
    default void beforeFlush(Session session) {}

    /**
     * The flush wrote its statements; the session's objects are not yet marked as written (their old values are
     * still what the session compares with). Do not change objects here: use {@link #afterFlushPostexec}.
     *
     * @param session the session
     */
    default void afterFlush(Session session) {}

    /**
     * The flush is complete and the session's objects are marked as written. Objects changed here are written by the
     * next flush.
     *
     * @param session the session
     */
    default void afterFlushPostexec(Session session) {}

    /**
     * {@code commit()} is about to flush and commit (also a savepoint's commit, as in SQLAlchemy 1.4).
     *
     * @param session the session
     */
    default void beforeCommit(Session session) {}

    /**
     * The database committed (or released the savepoint). The session has no transaction now: to write, begin another.
     *
     * @param session the session
     */
    default void afterCommit(Session session) {}

    /**
     * The database rolled the transaction (or a savepoint) back: {@code rollback()}, a failed flush, a failed
     * {@code COMMIT}. The session's objects are already put back as the database has them.
     *
     * @param session the session
     */
    default void afterRollback(Session session) {}

    /**
     * {@code rollback()} was called on the session or one of its savepoints, whether or not a transaction was open
     * (SQLAlchemy's {@code after_soft_rollback}); also after a failed flush, which rolls back.
     *
     * @param session the session
     */
    default void afterSoftRollback(Session session) {}

    /**
     * An ORM statement (a SELECT of model objects) is about to run: a query, {@code scalars(select(...))},
     * {@code get}, {@code refresh}, a lazy or selectin relationship load. The listener may replace the statement
     * ({@link OrmExecuteState#setStatement}), e.g. add a condition; SQLAlchemy's {@code do_orm_execute}.
     *
     * @param state the statement and what it loads
     */
    default void ormExecute(OrmExecuteState state) {}
}
