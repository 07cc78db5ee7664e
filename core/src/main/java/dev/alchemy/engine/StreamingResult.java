package dev.alchemy.engine;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rows of a query read as they are needed, a batch at a time, rather than all when the statement ran: what
 * {@link Connection#stream(Executable)} returns, for results too big to hold in memory (SQLAlchemy's
 * {@code stream_results} / {@code yield_per}). PostgreSQL reads through a server-side cursor, MariaDB reads the
 * batches from the socket as they are needed, SQLite steps row by row.
 *
 * <p><b>It holds a database cursor and must be closed</b>: use try-with-resources. Reading the last row closes it
 * by itself; a result left open is closed when its connection's transaction ends ({@code commit()},
 * {@code rollback()}) or the connection closes, and a result opened after a savepoint is closed when that savepoint
 * is rolled back. Reading a result closed before its last row raises
 * {@link dev.alchemy.exc.ResourceClosedError}.
 *
 * <pre>{@code
 * try (Connection conn = engine.connect();
 *         StreamingResult result = conn.stream(select(events).orderBy(events.c("id")))) {
 *     for (Row row : result) {
 *         out.write(row.get("payload", String.class));   // one batch of rows in memory at a time
 *     }
 * }
 * }</pre>
 *
 * <p>It is one pass over the rows: {@link #iterator()}, {@link #stream()}, {@link #partitions(int)} and
 * {@link #fetchMany(int)} all continue from where the previous read stopped. Like the connection, it is used by one
 * thread at a time.
 */
public interface StreamingResult extends Iterable<Row>, AutoCloseable {

    /** @return the column names */
    List<String> keys();

    /**
     * The next rows, at most {@code size} of them, as SQLAlchemy's {@code fetchmany(size)}.
     *
     * @param size the most rows to return, 1 or more
     * @return the rows; fewer than {@code size} only at the end, empty once every row was read
     * @throws dev.alchemy.exc.ArgumentError when size is less than 1
     * @throws dev.alchemy.exc.ResourceClosedError when the result was closed before its last row
     * @throws dev.alchemy.exc.DBAPIError when the database fails while sending rows
     */
    List<Row> fetchMany(int size);

    /**
     * The remaining rows in lists of {@code size} (the last one may be shorter), read a list at a time, as
     * SQLAlchemy's {@code partitions(size)}: for work done per batch, such as writing a file or sending a message.
     *
     * <pre>{@code
     * try (StreamingResult result = conn.stream(select(users), 500)) {
     *     for (List<Row> batch : result.partitions(500)) {
     *         index.addAll(batch);
     *     }
     * }
     * }</pre>
     *
     * @param size the rows per list, 1 or more
     * @return the lists, read lazily
     * @throws dev.alchemy.exc.ArgumentError when size is less than 1
     */
    Iterable<List<Row>> partitions(int size);

    /**
     * The remaining rows, read as the iterator advances.
     *
     * @return the iterator; its {@code next()} raises {@link dev.alchemy.exc.ResourceClosedError} when the result
     *     was closed before its last row
     */
    @Override
    Iterator<Row> iterator();

    /**
     * The remaining rows as a lazy stream. Closing the stream closes this result, so a stream alone may be kept in
     * try-with-resources:
     *
     * <pre>{@code
     * try (Stream<Row> rows = conn.stream(select(users)).stream()) {
     *     long adults = rows.filter(r -> r.get("age", Integer.class) >= 18).count();
     * }
     * }</pre>
     *
     * @return the rows; close it (or this result)
     */
    Stream<Row> stream();

    /** @return true once closed: by {@link #close()}, by reading the last row, or by the end of the transaction */
    boolean isClosed();

    /** Releases the cursor and its statement. Closing twice, or after the last row, is harmless. */
    @Override
    void close();
}
