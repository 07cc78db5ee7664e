package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An expression with a prefix or suffix operator: {@code NOT x}, {@code x IS NULL}.
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
    public void compileTo(SqlCompiler compiler) {
        if (prefix != null) {
            compiler.append(prefix);
        }
        compiler.operand(element);
        if (suffix != null) {
            compiler.append(suffix);
        }
    }

    @Override
    public String toString() {
        return (prefix == null ? "" : prefix) + element + (suffix == null ? "" : suffix);
    }
}
