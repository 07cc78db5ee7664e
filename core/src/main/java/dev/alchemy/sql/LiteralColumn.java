package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Trusted SQL text used as an expression, written as given, like SQLAlchemy's {@code literal_column}: {@code
 * literalColumn("*")}, {@code literalColumn("1")}. Never put user input here: values belong in
 * {@code literal(value)}, which binds them.
 *
 * @param text the SQL text
 * @param type its type, or null
 * @param <T> its Java type
 */
public record LiteralColumn<T>(String text, @Nullable SqlType<T> type) implements ColumnElement<T> {

    /** Checks the text. */
    public LiteralColumn {
        Objects.requireNonNull(text, "text");
    }

    /** @return the text, which rows use as the column's name */
    @Override
    public String key() {
        return text;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.append(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
