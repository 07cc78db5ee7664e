package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A window function call, {@code fn(...) OVER (PARTITION BY ... ORDER BY ...)}, like SQLAlchemy's {@code
 * func.row_number().over(partition_by=..., order_by=...)}. Made by {@link FunctionCall#over()}; immutable.
 *
 * <pre>{@code
 * func.rowNumber().over().partitionBy(users.c("name")).orderBy(users.c("id").desc())
 * // row_number() OVER (PARTITION BY users.name ORDER BY users.id DESC)
 * }</pre>
 *
 * @param function the function
 * @param partitionBy the PARTITION BY expressions
 * @param orderBy the ORDER BY items
 * @param <T> the result's Java type
 */
public record Over<T>(FunctionCall<T> function, List<ColumnElement<?>> partitionBy, List<OrderByElement> orderBy)
        implements ColumnElement<T> {

    /** Copies the lists. */
    public Over {
        Objects.requireNonNull(function, "function");
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    /**
     * Adds PARTITION BY expressions.
     *
     * @param expressions the expressions
     * @return the changed copy
     */
    public Over<T> partitionBy(ColumnElement<?>... expressions) {
        List<ColumnElement<?>> list = new ArrayList<>(partitionBy);
        for (ColumnElement<?> e : expressions) {
            list.add(Objects.requireNonNull(e, "partition by expression"));
        }
        return new Over<>(function, list, orderBy);
    }

    /**
     * Adds ORDER BY items of the window: columns, expressions or {@code col.desc()}.
     *
     * @param items the items
     * @return the changed copy
     */
    public Over<T> orderBy(ClauseElement... items) {
        for (ClauseElement item : items) {
            if (!(item instanceof ColumnElement<?> || item instanceof OrderByElement)) {
                throw new ArgumentError("cannot order a window by " + item);
            }
        }
        return new Over<>(function, partitionBy, Select.orderByList(orderBy, items));
    }

    @Override
    public @Nullable SqlType<T> type() {
        return function.type();
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        function.collectFroms(froms);
        for (ColumnElement<?> e : partitionBy) {
            e.collectFroms(froms);
        }
        for (OrderByElement o : orderBy) {
            o.element().collectFroms(froms);
        }
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.visit(function);
        compiler.append(" OVER (");
        if (!partitionBy.isEmpty()) {
            compiler.append("PARTITION BY ");
            for (int i = 0; i < partitionBy.size(); i++) {
                compiler.append(i > 0 ? ", " : "");
                compiler.visit(partitionBy.get(i));
            }
        }
        if (!orderBy.isEmpty()) {
            compiler.append(partitionBy.isEmpty() ? "ORDER BY " : " ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                compiler.append(i > 0 ? ", " : "");
                compiler.visit(orderBy.get(i));
            }
        }
        compiler.append(")");
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
