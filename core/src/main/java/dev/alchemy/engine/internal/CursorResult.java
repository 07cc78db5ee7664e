package dev.alchemy.engine.internal;

import dev.alchemy.engine.Row;
import dev.alchemy.engine.StreamingResult;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.ResourceClosedError;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A result read from an open JDBC result set as it is iterated: the statement and its result set stay open until the
 * last row is read, the result is closed, or its connection ends the transaction (see {@link DefaultConnection}).
 */
final class CursorResult implements StreamingResult {

    private final @Nullable DefaultConnection owner;
    private @Nullable PreparedStatement statement;
    private @Nullable ResultSet rows;
    private final @Nullable RowReader reader;
    private final List<String> keys;
    private final String sql;
    private final List<?> parameters;
    /** The order in which the connection opened its cursors, to close those begun after a savepoint. */
    final long serial;

    /** A row read ahead by {@code hasNext()}, not yet handed out. */
    private @Nullable Row ahead;

    private boolean exhausted;
    private boolean closed;
    /** Why the result was closed before its last row: said when it is read again. */
    private @Nullable String closedBecause;

    CursorResult(
            DefaultConnection owner,
            PreparedStatement statement,
            ResultSet rows,
            RowReader reader,
            String sql,
            List<?> parameters,
            long serial) {
        this.owner = owner;
        this.statement = statement;
        this.rows = rows;
        this.reader = reader;
        this.keys = reader.keys();
        this.sql = sql;
        this.parameters = parameters;
        this.serial = serial;
    }

    /** The result of a statement that returned no rows: empty, closed. */
    private CursorResult(String sql) {
        this.owner = null;
        this.reader = null;
        this.keys = List.of();
        this.sql = sql;
        this.parameters = List.of();
        this.serial = 0;
        this.exhausted = true;
        this.closed = true;
    }

    static CursorResult empty(String sql) {
        return new CursorResult(sql);
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public List<Row> fetchMany(int size) {
        if (size < 1) {
            throw new ArgumentError("fetchMany needs a size of 1 or more, was " + size);
        }
        List<Row> batch = new ArrayList<>(Math.min(size, 4096));
        Row row;
        while (batch.size() < size && (row = advance()) != null) {
            batch.add(row);
        }
        return batch;
    }

    @Override
    public Iterable<List<Row>> partitions(int size) {
        if (size < 1) {
            throw new ArgumentError("partitions needs a size of 1 or more, was " + size);
        }
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return peek() != null;
            }

            @Override
            public List<Row> next() {
                List<Row> batch = fetchMany(size);
                if (batch.isEmpty()) {
                    throw new NoSuchElementException("no rows left");
                }
                return batch;
            }
        };
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return peek() != null;
            }

            @Override
            public Row next() {
                Row row = advance();
                if (row == null) {
                    throw new NoSuchElementException("no rows left");
                }
                return row;
            }
        };
    }

    @Override
    public Stream<Row> stream() {
        Spliterator<Row> rows =
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(rows, false).onClose(this::close);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            release("it was closed");
            if (owner != null) {
                owner.forget(this);
            }
        }
    }

    /** Closes this result for its connection (which forgets it itself): the transaction ended, or the connection. */
    void closeBecause(String reason) {
        if (!closed) {
            release(reason);
        }
    }

    private @Nullable Row peek() {
        if (ahead == null) {
            ahead = advance();
        }
        return ahead;
    }

    /** @return the next row, or null after the last */
    private @Nullable Row advance() {
        Row row = ahead;
        if (row != null) {
            ahead = null;
            return row;
        }
        if (exhausted) {
            return null;
        }
        ResultSet rs = rows;
        if (closed || rs == null || reader == null || owner == null) {
            throw new ResourceClosedError("this streaming result was closed before its last row was read ("
                    + closedBecause + "); read it inside the transaction and before closing it, or run the query "
                    + "again");
        }
        try {
            if (!rs.next()) {
                exhausted = true;
                close();
                return null;
            }
            return reader.read(rs);
        } catch (SQLException e) {
            RuntimeException error = owner.fail(e, sql, parameters);
            close();
            throw error;
        } catch (RowReader.Unreadable e) {
            RuntimeException error = owner.unreadable(e.error, e.column, sql, parameters);
            close();
            throw error;
        }
    }

    private void release(String reason) {
        closed = true;
        if (!exhausted) {
            closedBecause = reason;
        }
        ahead = null;
        ResultSet rs = rows;
        PreparedStatement ps = statement;
        rows = null;
        statement = null;
        try {
            if (rs != null) {
                rs.close();
            }
        } catch (SQLException | RuntimeException e) {
            SqlLog.LOG.debug("closing a streaming result set failed: {}", e.toString());
        }
        try {
            if (ps != null) {
                ps.close();
            }
        } catch (SQLException | RuntimeException e) {
            SqlLog.LOG.debug("closing a streaming statement failed: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "StreamingResult" + keys + (closed ? " (closed)" : "");
    }
}
