package dev.alchemy.engine;

/**
 * An immediate transaction's place at the head of its {@link Engine}'s write queue, from
 * {@link Engine#beginImmediate(java.sql.Connection)}: the next transaction waiting for the database's write lock gets
 * it when this one is closed. Close it once the transaction has committed or rolled back; closing it again does
 * nothing.
 *
 * <pre>{@code
 * WriteTurn turn = engine.beginImmediate(jdbcConnection);   // BEGIN IMMEDIATE, in this engine's order
 * try {
 *     ... write ...
 *     jdbcConnection.commit();
 * } finally {
 *     turn.close();
 * }
 * }</pre>
 */
public interface WriteTurn extends AutoCloseable {

    /** A turn for a database without immediate transactions: closing it does nothing. */
    WriteTurn NONE = () -> {};

    /** Gives the turn to the next waiting transaction; the first call only. */
    @Override
    void close();
}
