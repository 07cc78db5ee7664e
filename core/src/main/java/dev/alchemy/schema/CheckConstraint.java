package dev.alchemy.schema;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code CHECK (condition)}, the condition written in SQL by the schema's author (never user input).
 *
 * @param name the constraint's name, or null
 * @param sqlText the condition, e.g. {@code price > 0}
 */
public record CheckConstraint(@Nullable String name, String sqlText) implements Constraint {

    /** Checks the text. */
    public CheckConstraint {
        Objects.requireNonNull(sqlText, "sqlText");
    }

    /**
     * @param sqlText the condition
     * @return an unnamed check
     */
    public static CheckConstraint of(String sqlText) {
        return new CheckConstraint(null, sqlText);
    }
}
