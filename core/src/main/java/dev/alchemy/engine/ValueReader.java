package dev.alchemy.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Reads one column of the current row of a {@link ResultSet} into its Java type. */
@FunctionalInterface
public interface ValueReader {

    /**
     * Reads a value.
     *
     * @param resultSet the result set, positioned on a row
     * @param index the 1-based column index
     * @return the value in its Java type, or null for SQL NULL
     * @throws SQLException from the driver
     */
    @Nullable
    Object read(ResultSet resultSet, int index) throws SQLException;
}
