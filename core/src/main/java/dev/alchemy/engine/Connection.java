package dev.alchemy.engine;

import java.util.List;
import java.util.Map;

/**
 * One database connection from an {@link Engine}, used by one thread at a time. Statements run inside a transaction
 * that begins by itself with the first statement; {@link #commit()} and {@link #rollback()} end it ("commit as you
 * go", as in SQLAlchemy 2.0). Closing the connection rolls back what was not committed and returns it to the pool.
 *
 * <pre>{@code
 * try (Connection conn = engine.connect()) {
 *     conn.execute(text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR)"));
 *     conn.execute(text("INSERT INTO users (name) VALUES (:name)"),
 *             List.of(Map.of("name", "Alice"), Map.of("name", "Bob")));   // executemany
 *     conn.commit();
 *     Result result = conn.execute(text("SELECT name FROM users WHERE id = :id"), Map.of("id", 1));
 *     String name = result.scalar(String.class);
 * }
 * }</pre>
 *
 * <p>Every value reaches the database as a bound parameter; none is ever written into the SQL text.
 */
public interface Connection extends AutoCloseable {

    /**
     * Executes a statement.
     *
     * @param statement text SQL or a statement of the expression language
     * @return the result, read completely
     * @throws dev.alchemy.exc.DBAPIError when the database refuses it
     */
    Result execute(Executable statement);

    /**
     * Executes a statement with named parameters ({@code :name} in text SQL).
     *
     * @param statement the statement
     * @param parameters values by name; they override values the statement carries
     * @return the result, read completely
     * @throws dev.alchemy.exc.ArgumentError when a parameter the statement needs is missing
     * @throws dev.alchemy.exc.DBAPIError when the database refuses it
     */
    Result execute(Executable statement, Map<String, ?> parameters);

    /**
     * Executes a statement once per parameter set, as one JDBC batch ("executemany").
     *
     * @param statement the statement
     * @param parameterSets one map of values per execution; must not be empty
     * @return a result whose {@link Result#rowcount()} is the total of rows changed
     * @throws dev.alchemy.exc.DBAPIError when the database refuses any of them (nothing of the batch is kept when
     *     the transaction is rolled back)
     */
    Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets);

    /** The rows fetched per round trip by {@link #stream(Executable)}: 1,000, as SQLAlchemy's usual {@code yield_per}. */
    int DEFAULT_STREAM_BATCH_SIZE = 1000;

    /**
     * Executes a query and reads its rows as they are needed, {@value #DEFAULT_STREAM_BATCH_SIZE} at a time, rather
     * than all at once: for results too big for memory. The result holds a cursor: close it (try-with-resources). It
     * is closed by itself after its last row, and when this connection's transaction ends.
     *
     * <pre>{@code
     * try (Connection conn = engine.connect();
     *         StreamingResult rows = conn.stream(select(events).orderBy(events.c("id")))) {
     *     for (Row row : rows) {
     *         export(row);
     *     }
     * }
     * }</pre>
     *
     * <p>The statement begins this connection's transaction, as {@link #execute} does; on PostgreSQL, rows are read
     * through a server-side cursor, which lives only inside a transaction. Other statements may run on the connection
     * while the result is open (on MySQL Connector/J only after it is closed; see docs/engine.md).
     *
     * @param statement a query (a statement that returns no rows gives an empty result)
     * @return the rows, read lazily; close it
     * @throws dev.alchemy.exc.DBAPIError when the database refuses the statement
     */
    default StreamingResult stream(Executable statement) {
        return stream(statement, Map.of(), DEFAULT_STREAM_BATCH_SIZE);
    }

    /**
     * Executes a query and reads its rows {@code batchSize} at a time; see {@link #stream(Executable)}.
     *
     * @param statement a query
     * @param batchSize the rows fetched per round trip, 1 or more (the database's fetch size)
     * @return the rows, read lazily; close it
     * @throws dev.alchemy.exc.ArgumentError when batchSize is less than 1
     * @throws dev.alchemy.exc.DBAPIError when the database refuses the statement
     */
    default StreamingResult stream(Executable statement, int batchSize) {
        return stream(statement, Map.of(), batchSize);
    }

    /**
     * Executes a query with named parameters and reads its rows {@code batchSize} at a time; see
     * {@link #stream(Executable)}.
     *
     * @param statement a query
     * @param parameters values by name; they override values the statement carries
     * @param batchSize the rows fetched per round trip, 1 or more (the database's fetch size)
     * @return the rows, read lazily; close it
     * @throws dev.alchemy.exc.ArgumentError when batchSize is less than 1, or a parameter is missing
     * @throws dev.alchemy.exc.DBAPIError when the database refuses the statement
     */
    StreamingResult stream(Executable statement, Map<String, ?> parameters, int batchSize);

    /** Commits the current transaction, if one has begun. */
    void commit();

    /** Rolls back the current transaction, if one has begun. */
    void rollback();

    /**
     * Begins a transaction explicitly; close or {@link Transaction#rollback()} it to roll back.
     *
     * @return the transaction
     * @throws dev.alchemy.exc.InvalidRequestError when a transaction has already begun (by an earlier statement or
     *     call); commit or roll it back first
     */
    Transaction begin();

    /**
     * Begins a savepoint (beginning the enclosing transaction when there is none). Rolling it back undoes only
     * what ran since the savepoint.
     *
     * @return the savepoint's transaction
     */
    Transaction beginNested();

    /**
     * Makes this connection's transactions read-only, from the next one on, or read-write again: the database itself
     * then refuses every write (SQLite: {@code PRAGMA query_only}, set before the transaction's first statement that
     * is not a SELECT, or when {@link #jdbcConnection} is asked for, and reset when the transaction ends; PostgreSQL:
     * {@code SET TRANSACTION READ ONLY}, through the driver's {@link java.sql.Connection#setReadOnly}). On a
     * connection whose transaction Spring's transaction manager owns, the manager decides ({@code
     * @Transactional(readOnly = true)}); the setting is then only recorded.
     *
     * <pre>{@code
     * try (Connection conn = engine.connect()) {
     *     conn.setReadOnly(true);
     *     conn.execute(text("SELECT count(*) FROM users")).scalar(Long.class);
     *     conn.execute(text("DELETE FROM users"));   // raises: the transaction is read-only
     * }
     * }</pre>
     *
     * @param readOnly true for read-only transactions
     * @throws dev.alchemy.exc.InvalidRequestError inside a transaction; commit or roll it back first
     */
    void setReadOnly(boolean readOnly);

    /** @return whether this connection's transactions are read-only ({@link #setReadOnly}) */
    boolean isReadOnly();

    /** @return true while a transaction has begun and not ended */
    boolean inTransaction();

    /** @return true once closed */
    boolean isClosed();

    /** @return the engine this connection came from */
    Engine engine();

    /**
     * The JDBC connection underneath, for what Alchemy does not cover. Do not close it or change its transaction
     * state.
     *
     * @return the JDBC connection
     */
    java.sql.Connection jdbcConnection();

    /** Rolls back what was not committed and returns the connection to its pool. Closing twice is harmless. */
    @Override
    void close();
}
