package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An expression with a prefix or suffix operator: {@code x IS NULL}, {@code DISTINCT x}.
 *
 * @param element the operand
 * @param prefix text before it, or null
 * @param suffix text after it, or null
 * @param type the type of the result
 * @param <T> the Java type of the result
 */
public record UnaryExpression<T>(
        ColumnElement<?> element,
        @Nullable String prefix,
        @Nullable String suffix,
        @Nullable SqlType<T> type) implements ColumnElement<T> {

    /** Checks the operand. */
    public UnaryExpression {
        Objects.requireNonNull(element, "element");
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        element.collectFroms(froms);
    }

    /**
     * The inverse of {@code IS NULL} / {@code IS NOT NULL}.
     *
     * @return the inverted test, or null for other operators
     */
    @Nullable
    UnaryExpression<T> inverted() {
        if (" IS NULL".equals(suffix)) {
            return new UnaryExpression<>(element, prefix, " IS NOT NULL", type);
        }
        if (" IS NOT NULL".equals(suffix)) {
            return new UnaryExpression<>(element, prefix, " IS NULL", type);
        }
        return null;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        if (prefix != null) {
            compiler.append(prefix);
        }
        compiler.operand(element, "=");
        if (suffix != null) {
            compiler.append(suffix);
        }
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
