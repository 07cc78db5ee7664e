package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code PRIMARY KEY (a, b)}, declared on its own to name the key or to order its columns differently from the
 * table, like SQLAlchemy's {@code PrimaryKeyConstraint}. The columns it names become the table's primary key (and
 * NOT NULL); marking them {@link Column#primaryKey()} as well is allowed but not needed.
 *
 * <pre>{@code
 * Table.of("comp", metadata,
 *         Column.of("a", INTEGER),
 *         Column.of("b", string(5)),
 *         PrimaryKeyConstraint.of("a", "b").name("pk_comp"));   // CONSTRAINT pk_comp PRIMARY KEY (a, b)
 * }</pre>
 *
 * @param name the constraint's name, or null
 * @param columns the column names, in key order
 */
public record PrimaryKeyConstraint(@Nullable String name, List<String> columns) implements Constraint {

    /** Checks the columns. */
    public PrimaryKeyConstraint {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new ArgumentError("a primary key constraint needs at least one column");
        }
    }

    /**
     * @param columns the column names, in key order
     * @return an unnamed primary key
     */
    public static PrimaryKeyConstraint of(String... columns) {
        return new PrimaryKeyConstraint(null, List.of(columns));
    }

    /**
     * @param name the constraint's name
     * @return a copy with this name
     */
    public PrimaryKeyConstraint name(@Nullable String name) {
        return new PrimaryKeyConstraint(name, columns);
    }
}
