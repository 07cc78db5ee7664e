package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code EXISTS (SELECT ...)}, like SQLAlchemy's {@code exists()}. The subquery correlates to the enclosing statement.
 *
 * <pre>{@code
 * select(users.c("name")).where(exists().where(addresses.c("user_id").eq(users.c("id"))));
 * // WHERE EXISTS (SELECT * FROM addresses WHERE addresses.user_id = users.id)
 * }</pre>
 *
 * @param select the subquery
 */
public record Exists(SelectStatement select) implements ColumnElement<Boolean> {

    /** Checks the subquery. */
    public Exists {
        Objects.requireNonNull(select, "select");
    }

    /**
     * Adds conditions to the subquery.
     *
     * @param conditions the conditions, joined with AND
     * @return the changed copy
     */
    @SafeVarargs
    public final Exists where(ColumnElement<Boolean>... conditions) {
        if (!(select instanceof Select s)) {
            throw new ArgumentError(
                    "cannot add WHERE to EXISTS of a " + select.getClass().getSimpleName());
        }
        return new Exists(s.where(conditions));
    }

    @Override
    public @Nullable SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.append("EXISTS (");
        compiler.visit(select);
        compiler.append(")");
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
