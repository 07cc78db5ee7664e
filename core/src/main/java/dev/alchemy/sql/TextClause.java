package dev.alchemy.sql;

import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Literal SQL text with {@code :name} parameters, like SQLAlchemy's {@code text()}. Parameters become JDBC
 * {@code ?} placeholders and their values are always bound, never spliced into the text. A colon inside quotes,
 * in a comment, in a PostgreSQL {@code ::} cast, or escaped as {@code \:} is left alone.
 *
 * <pre>{@code
 * conn.execute(text("SELECT * FROM users WHERE name = :name"), Map.of("name", "Alice"));
 * conn.execute(text("SELECT * FROM users WHERE name = :name").bind("name", "Alice"));
 * select(users.c("id")).where(text("users.age > :age").bind("age", 30));   // a condition inside a statement
 * }</pre>
 *
 * <p>Used inside a statement it is a condition (or a selected expression, unlabelled); its text is trusted SQL
 * from the programmer, never user input.
 */
public final class TextClause implements Executable, ColumnElement<Boolean> {

    private final String text;
    private final String sql;
    private final List<String> names;
    private final int[] positions;
    private final Map<String, @Nullable Object> values;

    private TextClause(
            String text, String sql, List<String> names, int[] positions, Map<String, @Nullable Object> values) {
        this.text = text;
        this.sql = sql;
        this.names = names;
        this.positions = positions;
        this.values = values;
    }

    /**
     * Parses SQL text.
     *
     * @param text the SQL, with {@code :name} parameters
     * @return the clause
     */
    public static TextClause of(String text) {
        Objects.requireNonNull(text, "text");
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        String sql = parse(text, names, positions);
        int[] at = new int[positions.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = positions.get(i);
        }
        return new TextClause(text, sql, Collections.unmodifiableList(names), at, Map.of());
    }

    /**
     * Returns a copy that carries a value for a parameter (SQLAlchemy's {@code bindparams}).
     *
     * @param name the parameter's name, without the colon
     * @param value its value
     * @return the copy
     * @throws ArgumentError when the text has no such parameter
     */
    public TextClause bind(String name, @Nullable Object value) {
        Objects.requireNonNull(name, "name");
        if (!names.contains(name)) {
            throw new ArgumentError("this text has no parameter ':" + name + "'; its parameters: " + parameterNames());
        }
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new TextClause(text, sql, names, positions, Collections.unmodifiableMap(copy));
    }

    /**
     * Returns a copy that carries values for several parameters.
     *
     * @param parameters values by name
     * @return the copy
     */
    public TextClause bind(Map<String, ?> parameters) {
        TextClause result = this;
        for (Map.Entry<String, ?> e : parameters.entrySet()) {
            result = result.bind(e.getKey(), e.getValue());
        }
        return result;
    }

    /** @return the distinct parameter names, in order of appearance */
    public List<String> parameterNames() {
        return names.stream().distinct().toList();
    }

    /** @return the SQL text as written */
    public String text() {
        return text;
    }

    /** @return null: the text's type is unknown */
    @Override
    public @Nullable SqlType<Boolean> type() {
        return null;
    }

    /** @return the text, which rows use as the column's name when it is selected */
    @Override
    public String key() {
        return text;
    }

    /** Writes the text with {@code ?} placeholders, binding carried values and requiring the others at execution. */
    @Override
    public void compileTo(SqlCompiler compiler) {
        int from = 0;
        for (int i = 0; i < names.size(); i++) {
            int q = positions[i];
            compiler.append(sql.substring(from, q));
            String name = names.get(i);
            if (values.containsKey(name)) {
                compiler.bind(name, values.get(name), null);
            } else {
                compiler.bindParam(BindParam.required(name, null));
            }
            from = q + 1;
        }
        compiler.append(sql.substring(from));
    }

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        List<BoundParameter> parameters = new ArrayList<>(names.size());
        for (String name : names) {
            parameters.add(
                    values.containsKey(name)
                            ? BoundParameter.of(name, values.get(name), null)
                            : BoundParameter.named(name));
        }
        return new CompiledStatement(sql, parameters, null);
    }

    private static String parse(String text, List<String> names, List<Integer> positions) {
        StringBuilder sql = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(text, i, c);
                sql.append(text, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                sql.append(text, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                sql.append(text, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < n && text.charAt(i + 1) == ':') {
                sql.append(':');
                i += 2;
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                sql.append("::");
                i += 2;
            } else if (c == ':'
                    && i + 1 < n
                    && Character.isJavaIdentifierStart(text.charAt(i + 1))
                    && (i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                positions.add(sql.length());
                sql.append('?');
                i = end;
            } else {
                sql.append(c);
                i++;
            }
        }
        return sql.toString();
    }

    /** @return the index after the closing quote (doubled quotes are escapes) */
    private static int closing(String text, int open, char quote) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
