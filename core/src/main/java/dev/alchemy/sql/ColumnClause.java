package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A named column, optionally of a table (or of an alias, subquery or CTE): {@code users.name}. The schema's
 * {@code Column} extends it with constraints; the lightweight form serves text-built tables.
 *
 * @param <T> the Java type of the column's values
 */
public class ColumnClause<T> implements ColumnElement<T> {

    private final String name;
    private final @Nullable SqlType<T> type;
    private final @Nullable TableClause table;

    /**
     * Creates a column.
     *
     * @param name the column's name
     * @param type its type, or null when unknown
     * @param table the table it belongs to, or null
     */
    protected ColumnClause(String name, @Nullable SqlType<T> type, @Nullable TableClause table) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.table = table;
    }

    /**
     * A column not tied to a table, like SQLAlchemy's {@code column('name')}.
     *
     * @param name the name
     * @param type the type, or null
     * @param <T> the Java type
     * @return the column
     */
    public static <T> ColumnClause<T> of(String name, @Nullable SqlType<T> type) {
        return new ColumnClause<>(name, type, null);
    }

    /** @return the column's name */
    public String name() {
        return name;
    }

    @Override
    public @Nullable SqlType<T> type() {
        return type;
    }

    /** @return the table (or alias, subquery, CTE) the column belongs to, or null */
    public @Nullable TableClause table() {
        return table;
    }

    /**
     * The value an INSERT gives this column when the statement does not: a schema column's Java-side default
     * (SQLAlchemy's {@code Column(default=...)}). Evaluated once per row, when the statement is compiled.
     *
     * @return the supplier of the default, or null when there is none (always, for a plain column clause)
     */
    public @Nullable Supplier<? extends @Nullable Object> insertDefault() {
        return null;
    }

    @Override
    public String key() {
        return name;
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        if (table != null) {
            froms.accept(table);
        }
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.column(this);
    }

    @Override
    public String toString() {
        return table == null ? name : table.name() + "." + name;
    }
}
