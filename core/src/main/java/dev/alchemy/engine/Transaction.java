package dev.alchemy.engine;

/**
 * A transaction, or a savepoint inside one, on a {@link Connection}. Closing it without {@link #commit()} rolls it
 * back, so a try-with-resources block commits only what it reaches the end of:
 *
 * <pre>{@code
 * try (Connection conn = engine.connect(); Transaction tx = conn.begin()) {
 *     conn.execute(text("INSERT INTO users (name) VALUES (:name)"), Map.of("name", "Alice"));
 *     tx.commit();
 * }
 * }</pre>
 */
public interface Transaction extends AutoCloseable {

    /** Commits the transaction, or releases the savepoint of a nested one. */
    void commit();

    /** Rolls the transaction back, or rolls back to the savepoint of a nested one. */
    void rollback();

    /** @return true until the transaction is committed or rolled back */
    boolean isActive();

    /** @return true for a savepoint made by {@link Connection#beginNested()} */
    boolean isNested();

    /** Rolls back when still active. */
    @Override
    void close();
}
