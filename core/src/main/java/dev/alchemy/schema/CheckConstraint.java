package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code CHECK (condition)}, the condition written in SQL by the schema's author (never user input), like
 * SQLAlchemy's {@code CheckConstraint}. Given to a table it renders as a table constraint; given to
 * {@link Column#check(CheckConstraint)} it renders inline on the column.
 *
 * <pre>{@code
 * CheckConstraint.of("a < 100")                    // CHECK (a < 100)
 * CheckConstraint.of("b > a").name("ck_b_gt_a")    // CONSTRAINT ck_b_gt_a CHECK (b > a)
 * }</pre>
 *
 * @param name the constraint's name, or null
 * @param sqlText the condition, e.g. {@code price > 0}
 */
public record CheckConstraint(@Nullable String name, String sqlText) implements Constraint {

    /** Checks the text. */
    public CheckConstraint {
        Objects.requireNonNull(sqlText, "sqlText");
        if (sqlText.isBlank()) {
            throw new ArgumentError("a check constraint needs a condition");
        }
    }

    /**
     * @param sqlText the condition
     * @return an unnamed check
     */
    public static CheckConstraint of(String sqlText) {
        return new CheckConstraint(null, sqlText);
    }

    /**
     * @param name the constraint's name
     * @return a copy with this name
     */
    public CheckConstraint name(@Nullable String name) {
        return new CheckConstraint(name, sqlText);
    }
}
