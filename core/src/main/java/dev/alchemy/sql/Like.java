package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code x [NOT] LIKE pattern [ESCAPE 'c']} and its case-insensitive form ({@code ILIKE} on PostgreSQL,
 * {@code lower(x) LIKE lower(pattern)} elsewhere). {@code startsWith}, {@code endsWith} and {@code contains} add
 * {@code '%'} around the bound value and parentheses around the whole, as SQLAlchemy writes them:
 * {@code (users.name LIKE ? || '%')}, or {@code (users.name LIKE concat(?, '%'))} where {@code ||} is no
 * concatenation (MySQL).
 *
 * @param element the tested expression
 * @param pattern the pattern, usually a bound value
 * @param caseInsensitive ILIKE rather than LIKE
 * @param negated NOT LIKE
 * @param escape the escape character, or null
 * @param leadingWildcard whether {@code '%' ||} precedes the pattern (endsWith, contains)
 * @param trailingWildcard whether {@code || '%'} follows the pattern (startsWith, contains)
 */
public record Like(
        ColumnElement<?> element,
        ColumnElement<?> pattern,
        boolean caseInsensitive,
        boolean negated,
        @Nullable Character escape,
        boolean leadingWildcard,
        boolean trailingWildcard)
        implements ColumnElement<Boolean> {

    /** Checks the operands. */
    public Like {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(pattern, "pattern");
    }

    static Like of(
            ColumnElement<?> element,
            String pattern,
            boolean caseInsensitive,
            boolean negated,
            @Nullable Character escape) {
        return new Like(element, bind(element, pattern), caseInsensitive, negated, escape, false, false);
    }

    static Like affix(ColumnElement<?> element, String value, boolean trailing, boolean leading, boolean autoescape) {
        Objects.requireNonNull(value, "value");
        String bound = autoescape ? autoescape(value) : value;
        return new Like(element, bind(element, bound), false, false, autoescape ? '/' : null, leading, trailing);
    }

    private static ColumnElement<String> bind(ColumnElement<?> element, String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        String key = element.key();
        return BindParam.anonymous(key == null ? "param" : key, pattern, SqlTypes.VARCHAR);
    }

    /** Escapes {@code /}, {@code %} and {@code _} with {@code /}, as SQLAlchemy's {@code autoescape=True}. */
    static String autoescape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '%' || c == '_') {
                b.append('/');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** @return whether the comparison brings its own parentheses (startsWith, endsWith, contains) */
    boolean grouped() {
        return leadingWildcard || trailingWildcard;
    }

    Like negate() {
        return new Like(element, pattern, caseInsensitive, !negated, escape, leadingWildcard, trailingWildcard);
    }

    @Override
    public @Nullable SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        element.collectFroms(froms);
        pattern.collectFroms(froms);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        boolean grouped = grouped();
        if (grouped) {
            compiler.append("(");
        }
        boolean lower = caseInsensitive && !compiler.dialect().supportsIlike();
        if (lower) {
            compiler.append("lower(");
            compiler.visit(element);
            compiler.append(")");
        } else {
            compiler.operand(element, "LIKE");
        }
        if (caseInsensitive && !lower) {
            compiler.append(negated ? " NOT ILIKE " : " ILIKE ");
        } else {
            compiler.append(negated ? " NOT LIKE " : " LIKE ");
        }
        if (lower) {
            compiler.append("lower(");
        }
        if (compiler.dialect().concatenatesWithPipes()) {
            if (leadingWildcard) {
                compiler.append("'%' || ");
            }
            compiler.operand(pattern, "||");
            if (trailingWildcard) {
                compiler.append(" || '%'");
            }
        } else if (grouped()) {
            compiler.append(leadingWildcard ? "concat('%', " : "concat(");
            compiler.visit(pattern);
            compiler.append(trailingWildcard ? ", '%')" : ")");
        } else {
            compiler.visit(pattern);
        }
        if (lower) {
            compiler.append(")");
        }
        if (escape != null) {
            char c = escape;
            compiler.append(" ESCAPE '")
                    .append(c == '\'' ? "''" : String.valueOf(c))
                    .append("'");
        }
        if (grouped) {
            compiler.append(")");
        }
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
