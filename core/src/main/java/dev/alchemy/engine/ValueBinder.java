package dev.alchemy.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Sets one value on a {@link PreparedStatement}, in the form the database stores it. Types supply binders so that
 * a value is stored the same way whoever writes it (on SQLite, as SQLAlchemy stores it).
 */
@FunctionalInterface
public interface ValueBinder {

    /**
     * Binds a value.
     *
     * @param statement the statement
     * @param index the 1-based parameter index
     * @param value the value, possibly null
     * @throws SQLException from the driver
     */
    void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException;
}
