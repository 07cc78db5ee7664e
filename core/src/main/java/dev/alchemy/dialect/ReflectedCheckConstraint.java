package dev.alchemy.dialect;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A CHECK constraint, like an entry of SQLAlchemy's {@code Inspector.get_check_constraints()}.
 *
 * @param name the constraint's name, or null when it was not named (SQLite)
 * @param sqlText the condition, without the surrounding {@code CHECK (...)}
 */
public record ReflectedCheckConstraint(@Nullable String name, String sqlText) {

    /** Checks the text. */
    public ReflectedCheckConstraint {
        Objects.requireNonNull(sqlText, "sqlText");
    }
}
