package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.SqlType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A SQL function call, {@code name(arg, ...)}, made through {@code Alchemy.func}. {@code count()} without arguments
 * renders {@code count(*)}; the ANSI functions without parentheses ({@code current_timestamp}, {@code current_date},
 * ...) render in upper case without them; a dialect may spell others its own way (SQLite's {@code now()} is {@code
 * CURRENT_TIMESTAMP}). Selected without a label, a call is labelled {@code name_1}, {@code name_2}, as in SQLAlchemy.
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

    private static final Set<String> ANSI_NILADIC = Set.of(
            "current_timestamp",
            "current_date",
            "current_time",
            "localtime",
            "localtimestamp",
            "current_user",
            "session_user",
            "user");

    /** Checks the name (an identifier, possibly schema-qualified) and copies the arguments. */
    public FunctionCall {
        Objects.requireNonNull(name, "name");
        if (!isFunctionName(name)) {
            throw new ArgumentError("'" + name + "' is not a function name; use letters, digits and '_' (and '.' "
                    + "between a schema and the name)");
        }
        arguments = List.copyOf(arguments);
    }

    private static boolean isFunctionName(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$')) {
                return false;
            }
        }
        return !Character.isDigit(name.charAt(0));
    }

    /** @return the function's name: bound arguments are named after it ({@code coalesce_2}) */
    @Override
    public String key() {
        return name;
    }

    /**
     * This call as a window function, {@code fn(...) OVER ()}; add {@code partitionBy(...)} and {@code orderBy(...)}.
     *
     * @return the window function
     */
    public Over<T> over() {
        return new Over<>(this, List.of(), List.of());
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        for (ColumnElement<?> argument : arguments) {
            argument.collectFroms(froms);
        }
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        if (arguments.isEmpty()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (ANSI_NILADIC.contains(lower)) {
                compiler.append(name.toUpperCase(Locale.ROOT));
                return;
            }
            String special = compiler.dialect().niladicFunction(name);
            if (special != null) {
                compiler.append(special);
                return;
            }
        }
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

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
