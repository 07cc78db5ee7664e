package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code UNIQUE (a, b)}: no two rows share these columns' values, like SQLAlchemy's {@code UniqueConstraint}.
 *
 * <pre>{@code
 * UniqueConstraint.of("user_id", "slug").name("uq_posts_user_slug")   // CONSTRAINT uq_posts_user_slug UNIQUE (user_id, slug)
 * }</pre>
 *
 * @param name the constraint's name, or null
 * @param columns the column names
 */
public record UniqueConstraint(@Nullable String name, List<String> columns) implements Constraint {

    /** Checks the columns. */
    public UniqueConstraint {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new ArgumentError("a unique constraint needs at least one column");
        }
    }

    /**
     * @param columns the column names
     * @return an unnamed constraint
     */
    public static UniqueConstraint of(String... columns) {
        return new UniqueConstraint(null, List.of(columns));
    }

    /**
     * @param name the constraint's name
     * @return a copy with this name
     */
    public UniqueConstraint name(@Nullable String name) {
        return new UniqueConstraint(name, columns);
    }
}
