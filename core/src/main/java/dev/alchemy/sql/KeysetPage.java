package dev.alchemy.sql;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.ArgumentError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset (seek) walk: the rows after a {@link Keyset} position in the query's ORDER BY, and the
 * position after this page's last row. Each page is one indexed range read, {@code WHERE (name, id) > (?, ?)
 * ORDER BY name, id LIMIT size + 1}, so page 1,000 costs what page 1 does, and rows inserted or deleted meanwhile
 * never shift a page; what it gives up is jumping to page N by number (that is {@link OffsetPage}).
 *
 * <pre>{@code
 * Select byName = select(users).orderBy(users.c("name"), users.c("id"));   // a unique order: ends with the key
 * KeysetPage<Row> page = KeysetPage.fetch(conn, byName, 50, null);          // the first page
 * while (page.hasNext()) {
 *     page = KeysetPage.fetch(conn, byName, 50, page.next());
 * }
 * }</pre>
 *
 * <p>The ORDER BY must make the order unique (end it with the primary key), its columns must never be NULL, and
 * each of them must be among the selected columns, where the position is read from. Ascending and descending items
 * may be mixed.
 *
 * @param <T> the items' type
 */
public final class KeysetPage<T> {

    private final List<T> items;
    private final int size;
    private final @Nullable Keyset after;
    private final @Nullable Keyset next;

    private KeysetPage(List<T> items, int size, @Nullable Keyset after, @Nullable Keyset next) {
        this.items = items;
        this.size = size;
        this.after = after;
        this.next = next;
    }

    /**
     * A page of items already read.
     *
     * @param items the items, at most {@code size}
     * @param size the most items a page holds, 1 or more
     * @param after the position the page begins after, null for the first page
     * @param next the position of the next page, null when this is the last
     * @param <T> the items' type
     * @return the page
     * @throws ArgumentError when size is less than 1 or there are more items than size
     */
    public static <T> KeysetPage<T> of(List<T> items, int size, @Nullable Keyset after, @Nullable Keyset next) {
        checkSize(size);
        if (items.size() > size) {
            throw new ArgumentError("a page of size " + size + " cannot hold " + items.size() + " items");
        }
        return new KeysetPage<>(Collections.unmodifiableList(new ArrayList<>(items)), size, after, next);
    }

    /**
     * Reads the page of {@code size} rows after a position: {@code size + 1} rows are asked for, the extra one only
     * telling whether another page follows.
     *
     * @param connection the connection to read with
     * @param select the query, with a unique ORDER BY and no LIMIT or OFFSET of its own
     * @param size the rows per page, 1 or more
     * @param after where the previous page ended ({@link #next()}), or null for the first page
     * @return the page
     * @throws ArgumentError when size is less than 1, the query has no ORDER BY or its own LIMIT or OFFSET, the
     *     position does not fit the ORDER BY, or an ORDER BY column is not selected or is NULL in the last row
     * @throws dev.alchemy.exc.DBAPIError when the database refuses the query
     */
    public static KeysetPage<Row> fetch(Connection connection, Select select, int size, @Nullable Keyset after) {
        Objects.requireNonNull(connection, "connection");
        Select page = pageOf(select, size, after);
        List<Row> rows = connection.execute(page).all();
        boolean more = rows.size() > size;
        List<Row> items = more ? rows.subList(0, size) : rows;
        Keyset next = more ? select.keysetOf(items.get(items.size() - 1)) : null;
        return new KeysetPage<>(Collections.unmodifiableList(new ArrayList<>(items)), size, after, next);
    }

    /**
     * The query of one page: checks it, adds the seek condition and {@code LIMIT size + 1}. For callers that read
     * the rows themselves (the ORM).
     *
     * @param select the query, with a unique ORDER BY and no LIMIT or OFFSET of its own
     * @param size the rows per page, 1 or more
     * @param after the position, or null for the first page
     * @return the page's query
     * @throws ArgumentError as {@link #fetch} says
     */
    public static Select pageOf(Select select, int size, @Nullable Keyset after) {
        Objects.requireNonNull(select, "select");
        checkSize(size);
        OffsetPage.checkPageable(select, "keyset pages");
        if (size == Integer.MAX_VALUE) {
            throw new ArgumentError("a keyset page size must be less than " + Integer.MAX_VALUE);
        }
        return (after == null ? select : select.after(after)).limit(size + 1);
    }

    private static void checkSize(int size) {
        if (size < 1) {
            throw new ArgumentError("a page size must be 1 or more, was " + size);
        }
    }

    /** @return the page's items, in the query's order */
    public List<T> items() {
        return items;
    }

    /** @return the most items a page holds */
    public int size() {
        return size;
    }

    /** @return the position this page began after, null for the first page */
    public @Nullable Keyset after() {
        return after;
    }

    /** @return the position to read the next page after (this page's last row), null when this is the last page */
    public @Nullable Keyset next() {
        return next;
    }

    /** @return whether a page follows */
    public boolean hasNext() {
        return next != null;
    }

    /**
     * The same page with each item converted.
     *
     * @param mapper the conversion
     * @param <R> the new type
     * @return the converted page, with the same positions
     */
    public <R> KeysetPage<R> map(Function<? super T, ? extends R> mapper) {
        List<R> mapped = new ArrayList<>(items.size());
        for (T item : items) {
            mapped.add(mapper.apply(item));
        }
        return new KeysetPage<>(Collections.unmodifiableList(mapped), size, after, next);
    }

    @Override
    public String toString() {
        return "KeysetPage of " + items.size() + " items" + (next == null ? ", the last" : ", next after " + next);
    }
}
