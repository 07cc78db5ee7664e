package dev.alchemy.dialect.internal;

import dev.alchemy.dialect.SqlWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** SQL text that several dialects write the same way: identifier rules, the ON CONFLICT clause. */
public final class StandardSql {

    private StandardSql() {}

    /**
     * Whether an identifier can stay unquoted by SQLAlchemy's rule: lower-case letters, digits, {@code _} and
     * {@code $}, not starting with a digit or {@code $}. A character loop, not a regex: the compiler asks for every
     * table and column of every statement.
     *
     * @param identifier the identifier
     * @return true when it needs no quotes (reserved words aside)
     */
    public static boolean isLegalLowerCase(String identifier) {
        int n = identifier.length();
        if (n == 0) {
            return false;
        }
        char first = identifier.charAt(0);
        if (!((first >= 'a' && first <= 'z') || first == '_')) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = identifier.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes an identifier in double quotes, doubling any quote inside.
     *
     * @param identifier the identifier
     * @return the quoted identifier
     */
    public static String doubleQuoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * Writes {@code ON CONFLICT [(a, b) | ON CONSTRAINT name] DO NOTHING} or {@code ... DO UPDATE SET }, the upsert
     * clause SQLite and PostgreSQL share.
     *
     * @param writer where to write
     * @param quotedTargets the conflict target's columns, quoted; may be empty
     * @param quotedConstraint the conflict target as a constraint name, quoted, or null
     * @param doNothing DO NOTHING rather than DO UPDATE SET
     */
    public static void renderOnConflict(
            SqlWriter writer, List<String> quotedTargets, @Nullable String quotedConstraint, boolean doNothing) {
        writer.append(" ON CONFLICT");
        if (quotedConstraint != null) {
            writer.append(" ON CONSTRAINT ").append(quotedConstraint);
        } else if (!quotedTargets.isEmpty()) {
            writer.append(" (").append(String.join(", ", quotedTargets)).append(")");
        }
        writer.append(doNothing ? " DO NOTHING" : " DO UPDATE SET ");
    }
}
