package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SQL function call, {@code name(arg, ...)}; {@code count()} without arguments renders {@code count(*)}.
 *
 * @param name the function's name
 * @param arguments its arguments
 * @param type the type of its result, or null when unknown
 * @param <T> the Java type of the result
 */
public record FunctionCall<T>(
        String name,
        List<ColumnElement<?>> arguments,
        @Nullable SqlType<T> type) implements ColumnElement<T> {

    /** Copies the arguments. */
    public FunctionCall {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
    }

    @Override
    public String key() {
        return name;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.append(name).append("(");
        if (arguments.isEmpty() && name.equalsIgnoreCase("count")) {
            compiler.append("*");
        }
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                compiler.append(", ");
            }
            compiler.visit(arguments.get(i));
        }
        compiler.append(")");
    }
}
