package dev.alchemy.engine.internal;

import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.ResultColumn;
import dev.alchemy.engine.ValueReader;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of one JDBC result set: the column keys and a reader per column, worked out once from the statement's
 * declared columns (a SELECT of the expression language) or else from the result set's metadata. Shared by results
 * read completely and by streaming ones.
 */
final class RowReader {

    /** A value that could not be read as its column's type; the caller turns it into a {@code DataError}. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        final String column;
        final Exception error;

        Unreadable(String column, Exception error) {
            super(null, null, false, false);
            this.column = column;
            this.error = error;
        }
    }

    private final int count;
    private final ValueReader[] readers;
    private final DefaultRow.RowShape shape;

    RowReader(ResultSet rs, @Nullable List<ResultColumn> columns, EngineDialect dialect) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        count = meta.getColumnCount();
        String[] keys = new String[count];
        @Nullable String[] sources = new String[count];
        readers = new ValueReader[count];
        boolean typed = columns != null && columns.size() == count;
        for (int i = 0; i < count; i++) {
            ValueReader reader = null;
            if (typed) {
                ResultColumn column = Objects.requireNonNull(columns).get(i);
                keys[i] = column.key();
                sources[i] = column.source();
                reader = column.reader();
            } else {
                keys[i] = meta.getColumnLabel(i + 1);
            }
            readers[i] = reader != null ? reader : dialect.untypedReader(meta, i + 1);
        }
        shape = DefaultRow.RowShape.of(keys, sources, dialect);
    }

    /** @return the column keys, in order */
    List<String> keys() {
        return shape.keys();
    }

    /**
     * Reads the row the result set stands on.
     *
     * @throws SQLException the driver's own error, reading a column
     * @throws Unreadable a value that does not fit its column's reader
     */
    DefaultRow read(ResultSet rs) throws SQLException, Unreadable {
        @Nullable Object[] values = new Object[count];
        int i = 0;
        try {
            for (; i < count; i++) {
                values[i] = readers[i].read(rs, i + 1);
            }
        } catch (SQLException | RuntimeException e) {
            throw new Unreadable(shape.describe(i), e);
        }
        return new DefaultRow(shape, values);
    }
}
