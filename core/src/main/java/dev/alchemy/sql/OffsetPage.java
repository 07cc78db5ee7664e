package dev.alchemy.sql;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.ArgumentError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a query by number, with the total number of rows: {@code LIMIT size OFFSET (number - 1) * size} and a
 * {@code SELECT count(*)} of the same query ({@link Select#countStatement()}), as a page with numbered links needs.
 * Deep pages get slower, since the database reads and skips every row before the page; for a walk through a large
 * table, or an endless scroll, use {@link KeysetPage}.
 *
 * <pre>{@code
 * OffsetPage<Row> page = OffsetPage.fetch(conn, select(users).orderBy(users.c("name"), users.c("id")), 3, 20);
 * page.items();        // rows 41 to 60
 * page.total();        // every matching row
 * page.totalPages();   // for the links
 * }</pre>
 *
 * @param <T> the items' type: {@link Row} in Core, an entity in the ORM ({@code Query.page})
 */
public final class OffsetPage<T> {

    private final List<T> items;
    private final int number;
    private final int size;
    private final long total;

    private OffsetPage(List<T> items, int number, int size, long total) {
        this.items = items;
        this.number = number;
        this.size = size;
        this.total = total;
    }

    /**
     * A page of items already read.
     *
     * @param items the page's items, at most {@code size}
     * @param number the page's number, from 1
     * @param size the most items a page holds, 1 or more
     * @param total the items on every page together
     * @param <T> the items' type
     * @return the page
     * @throws ArgumentError when number or size is less than 1, or there are more items than size
     */
    public static <T> OffsetPage<T> of(List<T> items, int number, int size, long total) {
        checkPage(number, size);
        Objects.requireNonNull(items, "items");
        if (items.size() > size) {
            throw new ArgumentError("a page of size " + size + " cannot hold " + items.size() + " items");
        }
        if (total < 0) {
            throw new ArgumentError("a page's total must be zero or more, was " + total);
        }
        return new OffsetPage<>(Collections.unmodifiableList(new ArrayList<>(items)), number, size, total);
    }

    /**
     * Reads page {@code number} of a query. The query needs an ORDER BY that makes the order unique (end it with the
     * primary key), or pages may repeat and skip rows; it must not have a LIMIT or OFFSET of its own. The count
     * query is saved where the page itself tells the total: a first page that is not full, or the last page.
     *
     * @param connection the connection to read with
     * @param select the query, ordered
     * @param number the page, from 1
     * @param size the rows per page, 1 or more
     * @return the page, empty (with the total) past the last one
     * @throws ArgumentError when number or size is less than 1, the query has no ORDER BY, or has its own LIMIT or
     *     OFFSET
     * @throws dev.alchemy.exc.DBAPIError when the database refuses the query
     */
    public static OffsetPage<Row> fetch(Connection connection, Select select, int number, int size) {
        Objects.requireNonNull(connection, "connection");
        Select page = pageOf(select, number, size);
        List<Row> rows = connection.execute(page).all();
        long offset = (long) (number - 1) * size;
        long total;
        if (!rows.isEmpty() && rows.size() < size) {
            total = offset + rows.size(); // the last page: the count is known
        } else if (offset == 0 && rows.isEmpty()) {
            total = 0;
        } else {
            Object n = connection.execute(select.countStatement()).scalar();
            total = n == null ? 0 : ((Number) n).longValue();
        }
        return new OffsetPage<>(Collections.unmodifiableList(rows), number, size, total);
    }

    /**
     * The query of one page: checks it and adds LIMIT and OFFSET. For callers that read the rows themselves (the
     * ORM's {@code Query.page}).
     *
     * @param select the query, ordered, without LIMIT or OFFSET
     * @param number the page, from 1
     * @param size the rows per page, 1 or more
     * @return the page's query
     * @throws ArgumentError as {@link #fetch} says
     */
    public static Select pageOf(Select select, int number, int size) {
        Objects.requireNonNull(select, "select");
        checkPage(number, size);
        checkPageable(select, "pages");
        long offset = (long) (number - 1) * size;
        if (offset > Integer.MAX_VALUE) {
            throw new ArgumentError("page " + number + " of size " + size + " starts past row " + Integer.MAX_VALUE
                    + ", the largest OFFSET; walk that far with KeysetPage");
        }
        return select.limit(size).offset((int) offset);
    }

    static void checkPageable(Select select, String what) {
        if (select.orderByClauses().isEmpty()) {
            throw new ArgumentError(what + " need an ORDER BY: without one the database returns rows in any order, "
                    + "so pages would repeat and miss rows; order by a unique column, or columns ending with the "
                    + "primary key");
        }
        if (select.limitValue() != null || select.offsetValue() != null) {
            throw new ArgumentError(what + " set LIMIT and OFFSET themselves; give the query without its own "
                    + "(it has LIMIT " + select.limitValue() + ", OFFSET " + select.offsetValue() + ")");
        }
    }

    private static void checkPage(int number, int size) {
        if (number < 1) {
            throw new ArgumentError("page numbers start at 1, was " + number);
        }
        if (size < 1) {
            throw new ArgumentError("a page size must be 1 or more, was " + size);
        }
    }

    /** @return the page's items, in the query's order */
    public List<T> items() {
        return items;
    }

    /** @return the page's number, from 1 */
    public int number() {
        return number;
    }

    /** @return the most items a page holds */
    public int size() {
        return size;
    }

    /** @return the number of items on all pages together */
    public long total() {
        return total;
    }

    /** @return the number of pages, 0 when there are no items */
    public long totalPages() {
        return (total + size - 1) / size;
    }

    /** @return whether a page comes after this one */
    public boolean hasNext() {
        return number < totalPages();
    }

    /** @return whether a page comes before this one */
    public boolean hasPrevious() {
        return number > 1;
    }

    /**
     * The same page with each item converted, such as rows to records or entities to views.
     *
     * @param mapper the conversion
     * @param <R> the new type
     * @return the converted page
     */
    public <R> OffsetPage<R> map(Function<? super T, ? extends R> mapper) {
        List<R> mapped = new ArrayList<>(items.size());
        for (T item : items) {
            mapped.add(mapper.apply(item));
        }
        return new OffsetPage<>(Collections.unmodifiableList(mapped), number, size, total);
    }

    @Override
    public String toString() {
        return "OffsetPage " + number + " of " + totalPages() + " (" + items.size() + " of " + total + " items)";
    }
}
