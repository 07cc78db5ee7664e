package dev.alchemy.engine;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A statement ready for JDBC: SQL text with {@code ?} placeholders, its parameters in order, and, when the statement
 * returns typed columns, how to read them. Produced by compiling an {@link Executable} for a dialect.
 *
 * @param sql the SQL text with {@code ?} placeholders
 * @param parameters one entry per {@code ?}, in order
 * @param columns how to read the returned columns, or null to read them with the driver's defaults and the names
 *     the driver reports. Non-null promises that the statement returns rows (a SELECT, a RETURNING clause): the
 *     engine then runs it with {@code executeQuery()}; null lets the driver say whether it returned rows
 */
public record CompiledStatement(
        String sql,
        List<BoundParameter> parameters,
        @Nullable List<ResultColumn> columns) {

    /** Copies the lists. */
    public CompiledStatement {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
        columns = columns == null ? null : List.copyOf(columns);
    }

    @Override
    public String toString() {
        return sql;
    }
}
