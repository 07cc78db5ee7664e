package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A position in a keyset (seek) walk: the values of the ORDER BY items in the last row of a page. The next page is the
 * rows that come after it in that order, {@link Select#after(Keyset)}, which a database finds through an index
 * however deep the walk is, where {@code OFFSET} reads and throws away every row before the page.
 *
 * <pre>{@code
 * Select byName = select(users).orderBy(users.c("name"), users.c("id"));   // unique: ends with the key
 * KeysetPage<Row> page = KeysetPage.fetch(conn, byName, 50, null);          // the first page
 * while (page.hasNext()) {
 *     page = KeysetPage.fetch(conn, byName, 50, page.next());
 * }
 * }</pre>
 *
 * <p>A web API hands the values to its client (as a query parameter, say) and rebuilds the position with
 * {@link #of(Object...)}; they must have the ORDER BY items' types.
 *
 * @param values the ORDER BY items' values, in order; never null
 */
public record Keyset(List<Object> values) {

    /**
     * Checks the values.
     *
     * @throws ArgumentError when there are none, or one is null (keyset walks need NOT NULL ordering columns)
     */
    public Keyset {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw new ArgumentError("a keyset position needs the value of every ORDER BY item; none was given");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new ArgumentError("value " + (i + 1) + " of the keyset position is NULL; keyset pagination needs "
                        + "ORDER BY columns that are never NULL (rows with NULL would be skipped)");
            }
        }
        values = List.copyOf(values);
    }

    /**
     * A position from its values.
     *
     * @param values the ORDER BY items' values in the last row seen, in order
     * @return the position
     * @throws ArgumentError when there are none, or one is null
     */
    public static Keyset of(Object... values) {
        Objects.requireNonNull(values, "values");
        return new Keyset(new ArrayList<>(Arrays.asList(values)));
    }
}
