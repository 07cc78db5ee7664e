package dev.alchemy.exc.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SQL and parameters as an exception message shows them: each cut at about {@value #MAX} characters saying how
 * much was left out (the SQL in characters, the parameters in values), a long text value at {@value #MAX_VALUE}, a {@code byte[]} as its length, an executemany as its
 * first {@value #MAX_SETS} parameter sets and their count. Built only when an exception is, and never longer than
 * the cap however large the parameters are. The engine's SQL log (echo) shows them the same way. Not public API.
 */
public final class Excerpt {

    /** The most characters of SQL, and of parameters, a message shows. */
    public static final int MAX = 2000;

    /** The most characters of one text value. */
    static final int MAX_VALUE = 300;

    /** The most parameter sets of an executemany. */
    static final int MAX_SETS = 10;

    private Excerpt() {}

    /**
     * @param sql the SQL
     * @return at most {@link #MAX} characters of it, saying how many were cut
     */
    public static String sql(String sql) {
        return cut(sql, MAX);
    }

    /**
     * @param parameters the parameters, or the parameter sets of an executemany
     * @return them as a message shows them
     */
    public static String parameters(List<?> parameters) {
        StringBuilder out = new StringBuilder();
        list(parameters, out, true);
        return out.toString();
    }

    /** Appends the values while they fit in {@link #MAX} characters in all, then says how many more there were. */
    private static void list(List<?> values, StringBuilder out, boolean top) {
        out.append('[');
        boolean sets = top && !values.isEmpty() && values.get(0) instanceof List<?>;
        int shown = sets ? Math.min(values.size(), MAX_SETS) : values.size();
        for (int i = 0; i < shown; i++) {
            String value = value(values.get(i));
            if (out.length() + value.length() > MAX) {
                out.append(i > 0 ? " " : "")
                        .append("... (")
                        .append(values.size() - i)
                        .append(" more values)");
                out.append(']');
                return;
            }
            if (i > 0) {
                out.append(", ");
            }
            out.append(value);
        }
        if (shown < values.size()) {
            out.append(" ... (").append(values.size() - shown).append(" more parameter sets)");
        }
        out.append(']');
    }

    private static String value(@Nullable Object value) {
        if (value instanceof byte[] b) {
            return "<" + b.length + " bytes>";
        }
        if (value instanceof List<?> l) {
            StringBuilder set = new StringBuilder();
            list(l, set, false);
            return set.toString();
        }
        // Double and Float name NaN and the infinities themselves: NaN, Infinity, -Infinity
        return cut(String.valueOf(value), MAX_VALUE);
    }

    /** The text up to {@code max} characters (not splitting a surrogate pair), saying how many were cut. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "... (" + (text.length() - end) + " characters cut)";
    }
}
