package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SELECT of one column used as a value, {@code (SELECT ...)}: made by {@link SelectStatement#scalarSubquery()}. It
 * correlates: tables of the enclosing statement are left out of its FROM, as in SQLAlchemy.
 *
 * @param select the statement
 * @param type its value's type
 * @param <T> the value's Java type
 */
public record ScalarSelect<T>(
        SelectStatement select, @Nullable SqlType<T> type) implements ColumnElement<T> {

    /** Checks the statement. */
    public ScalarSelect {
        Objects.requireNonNull(select, "select");
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.append("(");
        compiler.visit(select);
        compiler.append(")");
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
