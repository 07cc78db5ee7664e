package dev.alchemy.orm.internal.loading;

import dev.alchemy.engine.Row;
import dev.alchemy.engine.StreamingResult;
import java.util.List;

/**
 * The objects of a streamed entity select, built a batch of rows at a time from an open cursor
 * ({@link ObjectLoader#stream}): each batch complete, relationships and {@code load} events included, before it is
 * handed out. Used by one thread, like the session.
 *
 * @param <T> the mapped class
 */
public final class ObjectBatches<T> implements AutoCloseable {

    private final ObjectLoader loader;
    private final ObjectLoader.Plan<T> plan;
    private final StreamingResult rows;
    private final boolean overwrite;
    private final int batchSize;

    ObjectBatches(
            ObjectLoader loader, ObjectLoader.Plan<T> plan, StreamingResult rows, boolean overwrite, int batchSize) {
        this.loader = loader;
        this.plan = plan;
        this.rows = rows;
        this.overwrite = overwrite;
        this.batchSize = batchSize;
    }

    /** @return the rows per batch */
    public int batchSize() {
        return batchSize;
    }

    /**
     * @return the next batch's objects, in row order; empty once every row was read (the cursor is then closed)
     * @throws dev.alchemy.exc.ResourceClosedError when the cursor was closed before its last row (by
     *     {@link #close()}, or because its transaction ended)
     */
    public List<T> next() {
        List<Row> batch = rows.fetchMany(batchSize);
        if (batch.isEmpty()) {
            return List.of();
        }
        return loader.build(plan, batch, overwrite);
    }

    /** @return whether the cursor is closed: by {@link #close()}, the last row, or the end of its transaction */
    public boolean isClosed() {
        return rows.isClosed();
    }

    /** Releases the cursor; harmless when it is closed already. */
    @Override
    public void close() {
        rows.close();
    }
}
