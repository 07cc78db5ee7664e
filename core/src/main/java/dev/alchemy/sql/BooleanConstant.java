package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * The constant TRUE or FALSE, written by the dialect ({@code 1}/{@code 0} on SQLite, {@code true}/{@code false} on
 * PostgreSQL), like SQLAlchemy's {@code true()}/{@code false()}. A condition that is only the constant is written as
 * {@code 1 = 1} / {@code 1 != 1} where booleans are not native.
 *
 * @param value the constant's value
 */
public record BooleanConstant(boolean value) implements ColumnElement<Boolean> {

    private static final BooleanConstant TRUE = new BooleanConstant(true);
    private static final BooleanConstant FALSE = new BooleanConstant(false);

    /**
     * @param value true or false
     * @return the constant
     */
    public static BooleanConstant of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public @Nullable SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.append(compiler.dialect().booleanLiteral(value));
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
