package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Row;
import dev.alchemy.engine.StatementCache;
import dev.alchemy.exc.ArgumentError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A SELECT statement, immutable: each method returns a changed copy. Its FROM list is made from the tables of the
 * selected columns and of the WHERE clause, plus what {@link #selectFrom} and the joins add, as in SQLAlchemy.
 *
 * <pre>{@code
 * Select stmt = select(users.c("id"), users.c("name"))
 *         .where(users.c("name").eq("Alice"))
 *         .orderBy(users.c("id").desc())
 *         .limit(10);
 * Result result = conn.execute(stmt);
 *
 * select(users.c("name"), func.count(addresses.c("id")))
 *         .join(addresses)                                 // ON users.id = addresses.user_id, from the foreign key
 *         .groupBy(users.c("name"))
 *         .having(func.count(addresses.c("id")).gt(1L));
 * }</pre>
 */
public final class Select implements SelectStatement {

    private static final LiteralColumn<Object> STAR = new LiteralColumn<>("*", null);

    private final List<ColumnElement<?>> columns;
    private final List<FromClause> froms;
    private final @Nullable ColumnElement<Boolean> where;
    private final List<ColumnElement<?>> groupBy;
    private final @Nullable ColumnElement<Boolean> having;
    private final List<OrderByElement> orderBy;
    private final @Nullable Integer limit;
    private final @Nullable Integer offset;
    private final boolean distinct;
    private final @Nullable ForUpdate forUpdate;

    // what a cache key and a traced compilation know this SELECT's LIMIT and OFFSET values by
    private final @Nullable Object limitSource;
    private final @Nullable Object offsetSource;

    // derived from the fields above, computed on first use (a race computes the same value twice, harmlessly)
    private @Nullable ColumnNames names;
    private @Nullable List<FromClause> displayFroms;

    /** The mutable state a changed copy is built from. */
    private static final class Parts {
        List<ColumnElement<?>> columns;
        List<FromClause> froms;

        @Nullable
        ColumnElement<Boolean> where;

        List<ColumnElement<?>> groupBy;

        @Nullable
        ColumnElement<Boolean> having;

        List<OrderByElement> orderBy;

        @Nullable
        Integer limit;

        @Nullable
        Integer offset;

        boolean distinct;

        @Nullable
        ForUpdate forUpdate;

        @Nullable
        ColumnNames names;

        Parts(List<ColumnElement<?>> columns) {
            this.columns = columns;
            this.froms = List.of();
            this.groupBy = List.of();
            this.orderBy = List.of();
        }

        Parts(Select s) {
            columns = s.columns;
            froms = s.froms;
            where = s.where;
            groupBy = s.groupBy;
            having = s.having;
            orderBy = s.orderBy;
            limit = s.limit;
            offset = s.offset;
            distinct = s.distinct;
            forUpdate = s.forUpdate;
            names = s.names;
        }
    }

    private Select(Parts p) {
        this.columns = List.copyOf(p.columns);
        this.froms = List.copyOf(p.froms);
        this.where = p.where;
        this.groupBy = List.copyOf(p.groupBy);
        this.having = p.having;
        this.orderBy = List.copyOf(p.orderBy);
        this.limit = p.limit;
        this.offset = p.offset;
        this.distinct = p.distinct;
        this.forUpdate = p.forUpdate;
        this.names = p.names;
        this.limitSource = limit == null ? null : new Object();
        this.offsetSource = offset == null ? null : new Object();
    }

    private Parts parts() {
        return new Parts(this);
    }

    /**
     * Selects columns, expressions, or every column of tables (and subqueries, joins).
     *
     * @param items columns, expressions or FROM clauses (a table stands for all its columns)
     * @return the statement
     * @throws ArgumentError when there is nothing to select
     */
    public static Select of(ClauseElement... items) {
        Objects.requireNonNull(items, "items");
        if (items.length == 1
                && items[0] instanceof TableClause table
                && !table.columns().isEmpty()) {
            // the common case (and the ORM's): one whole table, whose column names are worked out once
            List<ColumnElement<?>> columns = List.copyOf(table.columns());
            Parts p = new Parts(columns);
            p.names = table.selectNames();
            return new Select(p);
        }
        List<ColumnElement<?>> columns = new ArrayList<>();
        List<FromClause> froms = new ArrayList<>();
        addItems(items, columns, froms);
        if (columns.isEmpty()) {
            throw new ArgumentError("a SELECT needs at least one column, expression or table");
        }
        Parts p = new Parts(columns);
        p.froms = froms;
        return new Select(p);
    }

    private static void addItems(ClauseElement[] items, List<ColumnElement<?>> columns, List<FromClause> froms) {
        for (ClauseElement item : items) {
            Objects.requireNonNull(item, "select item");
            if (item instanceof FromClause from) {
                columns.addAll(from.exportedColumns());
                if (!(from instanceof TableClause)) {
                    froms.add(from); // a join is its own FROM; a table's columns bring it in
                }
            } else if (item instanceof ColumnElement<?> column) {
                columns.add(column);
            } else {
                throw new ArgumentError("cannot select " + item + "; select columns, expressions or tables");
            }
        }
    }

    /** @return {@code SELECT *}, the subquery of {@code exists()}; its FROM comes from its WHERE */
    static Select star() {
        return new Select(new Parts(List.of(STAR)));
    }

    // ---- building ----

    /**
     * Adds conditions, joined with AND to those already given.
     *
     * @param conditions the conditions
     * @return the changed copy
     */
    @SafeVarargs
    public final Select where(ColumnElement<Boolean>... conditions) {
        Parts p = parts();
        p.where = and(where, conditions);
        return new Select(p);
    }

    static @Nullable ColumnElement<Boolean> and(
            @Nullable ColumnElement<Boolean> existing, ColumnElement<Boolean>[] conditions) {
        ColumnElement<Boolean> combined = existing;
        for (ColumnElement<Boolean> c : conditions) {
            Objects.requireNonNull(c, "condition");
            if (c instanceof BooleanClauseList list && list.clauses().isEmpty()) {
                continue; // and() of nothing adds nothing
            }
            combined = combined == null ? c : BooleanClauseList.and(List.of(combined, c));
        }
        return combined;
    }

    /**
     * Adds FROM clauses explicitly (otherwise the FROM list is the tables of the selected columns and conditions),
     * like SQLAlchemy's {@code select_from}: {@code select(func.count()).selectFrom(users)}.
     *
     * @param from the FROM clauses
     * @return the changed copy
     */
    public Select selectFrom(FromClause... from) {
        Parts p = parts();
        List<FromClause> list = new ArrayList<>(froms);
        for (FromClause f : from) {
            list.add(Objects.requireNonNull(f, "from"));
        }
        p.froms = list;
        return new Select(p);
    }

    /**
     * Joins a table to this SELECT's FROM: the left side is the FROM clause with a foreign key to it, and the ON
     * clause comes from that foreign key, as SQLAlchemy's {@code select(...).join(addresses)}.
     *
     * @param right the table to join
     * @return the changed copy
     * @throws ArgumentError when no FROM clause, or more than one, can be joined to it
     */
    public Select join(FromClause right) {
        return addJoin(null, right, null, false, false);
    }

    /**
     * Joins a table with an explicit ON clause; the left side is the FROM clause the ON clause refers to.
     *
     * @param right the table to join
     * @param onclause the condition
     * @return the changed copy
     */
    public Select join(FromClause right, ColumnElement<Boolean> onclause) {
        return addJoin(null, right, Objects.requireNonNull(onclause, "onclause"), false, false);
    }

    /**
     * LEFT OUTER JOIN, the ON clause from the foreign key.
     *
     * @param right the table to join
     * @return the changed copy
     */
    public Select outerJoin(FromClause right) {
        return addJoin(null, right, null, true, false);
    }

    /**
     * LEFT OUTER JOIN with an explicit ON clause.
     *
     * @param right the table to join
     * @param onclause the condition
     * @return the changed copy
     */
    public Select outerJoin(FromClause right, ColumnElement<Boolean> onclause) {
        return addJoin(null, right, Objects.requireNonNull(onclause, "onclause"), true, false);
    }

    /**
     * FULL OUTER JOIN, the ON clause from the foreign key.
     *
     * @param right the table to join
     * @return the changed copy
     */
    public Select fullOuterJoin(FromClause right) {
        return addJoin(null, right, null, true, true);
    }

    /**
     * FULL OUTER JOIN with an explicit ON clause.
     *
     * @param right the table to join
     * @param onclause the condition
     * @return the changed copy
     */
    public Select fullOuterJoin(FromClause right, ColumnElement<Boolean> onclause) {
        return addJoin(null, right, Objects.requireNonNull(onclause, "onclause"), true, true);
    }

    /**
     * Joins two given FROM clauses, like SQLAlchemy's {@code join_from}: {@code FROM left JOIN right ON ...}.
     *
     * @param left the left side
     * @param right the right side
     * @return the changed copy
     */
    public Select joinFrom(FromClause left, FromClause right) {
        return addJoin(Objects.requireNonNull(left, "left"), right, null, false, false);
    }

    /**
     * Joins two given FROM clauses with an explicit ON clause.
     *
     * @param left the left side
     * @param right the right side
     * @param onclause the condition
     * @return the changed copy
     */
    public Select joinFrom(FromClause left, FromClause right, ColumnElement<Boolean> onclause) {
        return addJoin(
                Objects.requireNonNull(left, "left"),
                right,
                Objects.requireNonNull(onclause, "onclause"),
                false,
                false);
    }

    /**
     * LEFT OUTER JOIN of two given FROM clauses.
     *
     * @param left the left side
     * @param right the right side
     * @return the changed copy
     */
    public Select outerJoinFrom(FromClause left, FromClause right) {
        return addJoin(Objects.requireNonNull(left, "left"), right, null, true, false);
    }

    private Select addJoin(
            @Nullable FromClause left,
            FromClause right,
            @Nullable ColumnElement<Boolean> onclause,
            boolean isOuter,
            boolean full) {
        Objects.requireNonNull(right, "right");
        FromClause from = left != null ? left : leftSideFor(right, onclause);
        Join join = onclause == null
                ? Join.inferred(from, right, isOuter, full)
                : new Join(from, right, onclause, isOuter, full);
        List<FromClause> list = new ArrayList<>(froms);
        int index = list.indexOf(from);
        if (index >= 0) {
            list.set(index, join);
        } else {
            list.add(join);
        }
        Parts p = parts();
        p.froms = list;
        return new Select(p);
    }

    private FromClause leftSideFor(FromClause right, @Nullable ColumnElement<Boolean> onclause) {
        List<FromClause> candidates = new ArrayList<>(displayFroms());
        candidates.remove(right);
        if (candidates.isEmpty()) {
            throw new ArgumentError("nothing to join " + right + " to: select columns of a table first, or use "
                    + "joinFrom(left, right)");
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<FromClause> matches = new ArrayList<>();
        if (onclause != null) {
            Set<FromClause> referred = new LinkedHashSet<>();
            onclause.collectFroms(referred::add);
            for (FromClause c : candidates) {
                for (TableClause t : Join.tablesOf(c)) {
                    if (referred.contains(t) && !matches.contains(c)) {
                        matches.add(c);
                    }
                }
            }
            return matches.isEmpty() ? candidates.get(0) : matches.get(0);
        }
        for (FromClause c : candidates) {
            try {
                Join.onclause(c, right);
                matches.add(c);
            } catch (ArgumentError notThisOne) {
                // no single foreign key between c and right
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new ArgumentError("can't determine which FROM clause to join " + right + " to: "
                + (matches.isEmpty()
                        ? "none of " + candidates + " has a single foreign key to it"
                        : matches + " all have foreign keys to it")
                + "; use joinFrom(left, right) or give the ON clause");
    }

    /**
     * Adds GROUP BY expressions.
     *
     * @param expressions the expressions
     * @return the changed copy
     */
    public Select groupBy(ColumnElement<?>... expressions) {
        Parts p = parts();
        List<ColumnElement<?>> list = new ArrayList<>(groupBy);
        for (ColumnElement<?> e : expressions) {
            list.add(Objects.requireNonNull(e, "group by expression"));
        }
        p.groupBy = list;
        return new Select(p);
    }

    /**
     * Adds HAVING conditions, joined with AND.
     *
     * @param conditions conditions on groups, e.g. {@code func.count().gt(1L)}
     * @return the changed copy
     */
    @SafeVarargs
    public final Select having(ColumnElement<Boolean>... conditions) {
        Parts p = parts();
        p.having = and(having, conditions);
        return new Select(p);
    }

    /**
     * Adds ORDER BY items: columns and expressions in the database's default (ascending) order, or {@code
     * col.desc()}, {@code col.asc().nullsLast()}. A label selected by this SELECT is ordered by its name.
     *
     * @param items the items
     * @return the changed copy
     */
    public Select orderBy(ClauseElement... items) {
        Parts p = parts();
        p.orderBy = orderByList(orderBy, items);
        return new Select(p);
    }

    static List<OrderByElement> orderByList(List<OrderByElement> existing, ClauseElement[] items) {
        List<OrderByElement> list = new ArrayList<>(existing);
        for (ClauseElement item : items) {
            if (item instanceof OrderByElement o) {
                list.add(o);
            } else if (item instanceof ColumnElement<?> c) {
                list.add(new OrderByElement(c, null, null));
            } else {
                throw new ArgumentError("cannot order by " + item + "; give a column or expression");
            }
        }
        return list;
    }

    /**
     * @param limit the most rows to return, zero or more
     * @return the changed copy
     */
    public Select limit(int limit) {
        if (limit < 0) {
            throw new ArgumentError("limit must be zero or more, was " + limit);
        }
        Parts p = parts();
        p.limit = limit;
        return new Select(p);
    }

    /**
     * @param offset how many rows to skip, zero or more
     * @return the changed copy
     */
    public Select offset(int offset) {
        if (offset < 0) {
            throw new ArgumentError("offset must be zero or more, was " + offset);
        }
        Parts p = parts();
        p.offset = offset;
        return new Select(p);
    }

    /**
     * The rows this select would return, counted by the database: {@code SELECT count(*) AS count_1 FROM (<this
     * select without its ORDER BY>) AS anon_1}, as SQLAlchemy's {@code Query.count()} builds it (the order cannot
     * change a count, and leaving it out spares the database a sort). {@link OffsetPage} counts with it.
     *
     * <pre>{@code
     * long adults = conn.execute(select(users).where(users.c("age").ge(18)).countStatement()).scalar(Long.class);
     * }</pre>
     *
     * @return the counting statement
     */
    public Select countStatement() {
        Parts p = parts();
        p.orderBy = List.of();
        p.forUpdate = null;
        return Select.of(Functions.INSTANCE.count().label("count_1")).selectFrom(new Select(p).subquery("anon_1"));
    }

    /**
     * The rows after a keyset position in this select's ORDER BY: the seek condition of keyset pagination
     * ({@link KeysetPage}), added to the WHERE clause. For {@code ORDER BY name, id} after {@code ("Bob", 42)}:
     * {@code WHERE name >= ? AND (name > ? OR (name = ? AND id > ?))}, a range an index on {@code (name, id)} serves
     * directly; a descending item compares the other way. The ORDER BY must be unique and its columns NOT NULL.
     *
     * <pre>{@code
     * Select byName = select(users).orderBy(users.c("name"), users.c("id"));
     * List<Row> next = conn.execute(byName.after(Keyset.of("Bob", 42)).limit(50)).all();
     * }</pre>
     *
     * @param position the ORDER BY items' values in the last row already seen ({@link #keysetOf(Row)})
     * @return the changed copy
     * @throws ArgumentError when this select has no ORDER BY, or the position has another number of values
     */
    public Select after(Keyset position) {
        Objects.requireNonNull(position, "position");
        if (orderBy.isEmpty()) {
            throw new ArgumentError("a keyset position is a place in an ORDER BY, and this SELECT has none; order by "
                    + "a unique column, or columns ending with the primary key");
        }
        List<Object> values = position.values();
        if (values.size() != orderBy.size()) {
            throw new ArgumentError("the keyset position has " + values.size() + " value(s) " + values + " for the "
                    + orderBy.size() + " ORDER BY item(s) of this SELECT; give one per item, in order");
        }
        ColumnElement<Boolean> condition = null;
        for (int i = orderBy.size() - 1; i >= 0; i--) {
            OrderByElement item = orderBy.get(i);
            ColumnElement<Object> e = seekable(item);
            Object value = values.get(i);
            ColumnElement<Boolean> beyond = item.descending() ? e.lt(value) : e.gt(value);
            condition = condition == null
                    ? beyond
                    : BooleanClauseList.or(List.of(beyond, BooleanClauseList.and(List.of(e.eq(value), condition))));
        }
        if (orderBy.size() > 1) { // the leading column's range, which an index scan starts from
            OrderByElement first = orderBy.get(0);
            ColumnElement<Object> e = seekable(first);
            Object value = values.get(0);
            condition = BooleanClauseList.and(
                    List.of(first.descending() ? e.le(value) : e.ge(value), Objects.requireNonNull(condition)));
        }
        return where(Objects.requireNonNull(condition));
    }

    /** An ORDER BY item's expression as the WHERE clause can use it: a selected label by what it labels. */
    @SuppressWarnings("unchecked")
    private static ColumnElement<Object> seekable(OrderByElement item) {
        ColumnElement<?> e = item.element();
        if (e instanceof Label<?> label) {
            e = label.element();
        }
        return (ColumnElement<Object>) e;
    }

    /**
     * The keyset position of a row this select returned: the values of its ORDER BY items, read from the row's
     * columns. The next page is {@code after(keysetOf(lastRow))}.
     *
     * @param row a row of this select
     * @return the position after the row
     * @throws ArgumentError when this select has no ORDER BY, an ORDER BY item is not among its selected columns
     *     (select it too), or its value in the row is NULL
     */
    public Keyset keysetOf(Row row) {
        Objects.requireNonNull(row, "row");
        if (orderBy.isEmpty()) {
            throw new ArgumentError("a keyset position is a place in an ORDER BY, and this SELECT has none");
        }
        List<Object> values = new ArrayList<>(orderBy.size());
        for (OrderByElement item : orderBy) {
            int index = selectedIndexOf(item.element());
            if (index < 0) {
                throw new ArgumentError("keyset pagination reads the position from each row's ORDER BY values, and "
                        + item.element() + " is not selected; add it to the selected columns");
            }
            Object value = row.get(index);
            if (value == null) {
                throw new ArgumentError("the ORDER BY value " + item.element() + " is NULL in the last row; keyset "
                        + "pagination needs ORDER BY columns that are never NULL");
            }
            values.add(value);
        }
        return new Keyset(values);
    }

    private int selectedIndexOf(ColumnElement<?> element) {
        ColumnElement<?> target = element instanceof Label<?> l ? l.element() : element;
        for (int i = 0; i < columns.size(); i++) {
            ColumnElement<?> c = columns.get(i);
            if (c.equals(element)
                    || c.equals(target)
                    || (c instanceof Label<?> l && l.element().equals(target))) {
                return i;
            }
        }
        return -1;
    }

    /** @return a copy that selects distinct rows, {@code SELECT DISTINCT} */
    public Select distinct() {
        Parts p = parts();
        p.distinct = true;
        return new Select(p);
    }

    /** @return true unless it locks the rows it selects ({@code FOR UPDATE}, {@code FOR SHARE}) */
    @Override
    public boolean isSelect() {
        return forUpdate == null;
    }

    /**
     * Locks the selected rows, {@code SELECT ... FOR UPDATE} (left out on SQLite, which has no row locks).
     *
     * @return the changed copy
     */
    public Select withForUpdate() {
        return withForUpdate(ForUpdate.forUpdate());
    }

    /**
     * Locks the selected rows as {@code lock} says: {@code withForUpdate(forUpdate().skipLocked())}.
     *
     * @param lock the lock's strength and options
     * @return the changed copy
     */
    public Select withForUpdate(ForUpdate lock) {
        Parts p = parts();
        p.forUpdate = java.util.Objects.requireNonNull(lock, "lock");
        return new Select(p);
    }

    /**
     * Locks the selected rows with options.
     *
     * @param nowait fail at once when a row is locked ({@code NOWAIT})
     * @param skipLocked skip locked rows ({@code SKIP LOCKED})
     * @param read a shared lock ({@code FOR SHARE})
     * @return the changed copy
     * @deprecated use {@link #withForUpdate(ForUpdate)}: {@code withForUpdate(forUpdate().noWait())} says what
     *     {@code withForUpdate(true, false, false)} does not
     */
    @Deprecated
    public Select withForUpdate(boolean nowait, boolean skipLocked, boolean read) {
        return withForUpdate(ForUpdate.of(nowait, skipLocked, read));
    }

    /** @return the row lock, or null when the select takes none */
    public @Nullable ForUpdate forUpdate() {
        return forUpdate;
    }

    /**
     * Adds columns to the select list.
     *
     * @param items columns, expressions or tables
     * @return the changed copy
     */
    public Select addColumns(ClauseElement... items) {
        List<ColumnElement<?>> list = new ArrayList<>(columns);
        List<FromClause> fromList = new ArrayList<>(froms);
        addItems(items, list, fromList);
        Parts p = parts();
        p.columns = list;
        p.froms = fromList;
        p.names = null;
        return new Select(p);
    }

    /**
     * Replaces the select list, keeping FROM, WHERE and the rest, like SQLAlchemy's {@code with_only_columns}. The
     * FROM clauses of the old columns are kept, so {@code select(users).withOnlyColumns(func.count())} still counts
     * users.
     *
     * @param items columns, expressions or tables
     * @return the changed copy
     */
    public Select withOnlyColumns(ClauseElement... items) {
        List<ColumnElement<?>> list = new ArrayList<>();
        List<FromClause> fromList = new ArrayList<>(froms);
        addItems(items, list, fromList);
        if (list.isEmpty()) {
            throw new ArgumentError("a SELECT needs at least one column, expression or table");
        }
        for (FromClause f : displayFroms()) {
            if (!fromList.contains(f)) {
                fromList.add(f);
            }
        }
        Parts p = parts();
        p.columns = list;
        p.froms = fromList;
        p.names = null;
        return new Select(p);
    }

    // ---- reading ----

    /** @return the selected expressions */
    @Override
    public List<ColumnElement<?>> columns() {
        return columns;
    }

    @Override
    public List<String> columnKeys() {
        return names().keys();
    }

    /** @return the WHERE condition, or null */
    public @Nullable ColumnElement<Boolean> whereClause() {
        return where;
    }

    /** @return the HAVING condition, or null */
    public @Nullable ColumnElement<Boolean> havingClause() {
        return having;
    }

    /** @return the GROUP BY expressions */
    public List<ColumnElement<?>> groupByClauses() {
        return groupBy;
    }

    /** @return the ORDER BY items */
    public List<OrderByElement> orderByClauses() {
        return orderBy;
    }

    /** @return the limit, or null */
    public @Nullable Integer limitValue() {
        return limit;
    }

    /** @return the offset, or null */
    public @Nullable Integer offsetValue() {
        return offset;
    }

    /** @return whether it selects distinct rows */
    public boolean isDistinct() {
        return distinct;
    }

    /**
     * The FROM list as it is written: explicit FROM clauses and joins first, then the tables of the selected columns
     * and of the WHERE clause, without tables a join already contains.
     *
     * @return the FROM clauses
     */
    public List<FromClause> froms() {
        return displayFroms();
    }

    ColumnNames names() {
        ColumnNames n = names;
        if (n == null) {
            n = ColumnNames.of(columns);
            names = n;
        }
        return n;
    }

    private List<FromClause> displayFroms() {
        List<FromClause> d = displayFroms;
        if (d == null) {
            d = computeFroms();
            displayFroms = d;
        }
        return d;
    }

    private List<FromClause> computeFroms() {
        FromsMet all = new FromsMet(froms);
        for (ColumnElement<?> c : columns) {
            c.collectFroms(all);
        }
        if (where != null) {
            where.collectFroms(all);
        }
        List<TableClause> listed = new ArrayList<>();
        for (FromClause f : all) {
            if (f instanceof Join join) {
                listed.addAll(Join.tablesOf(join));
            }
        }
        // without tables a join already has, and without twins (see TableClause.sameTable)
        List<FromClause> result = TableClause.withoutTwins(all, listed);
        return Collections.unmodifiableList(result);
    }

    /**
     * The FROM clauses a SELECT meets, in the order met, each once as {@code equals} decides: what a {@code
     * LinkedHashSet} keeps, in a list searched from the start. A SELECT names a handful of FROM clauses, met once per
     * column and condition; a hash set made its table and hashed every one of them, each time a query was built (5%
     * of a loop of 1,000 ORM queries by name, in its cache key).
     */
    private static final class FromsMet extends ArrayList<FromClause> implements Consumer<FromClause> {
        FromsMet(List<FromClause> explicit) {
            super(explicit.size() + 2);
            for (FromClause f : explicit) {
                accept(f);
            }
        }

        @Override
        public void accept(FromClause f) {
            for (int i = 0; i < size(); i++) {
                FromClause met = get(i);
                if (met == f || met.equals(f)) {
                    return;
                }
            }
            add(f);
        }
    }

    /** @return whether it has ORDER BY, LIMIT or OFFSET (which a UNION member must parenthesise) */
    boolean hasOrderOrLimit() {
        return !orderBy.isEmpty() || limit != null || offset != null;
    }

    // ---- compiling ----

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        return SqlCompiler.compile(this, Dialect.of(dialect));
    }

    /**
     * Compiles through the engine's cache: a SELECT of a shape met before (the same tables, columns, operators, LIMIT
     * and OFFSET, locks; other values) takes that compilation's text with its own values. A SELECT with text, a CTE,
     * a compound select or an element of another package compiles every time.
     */
    @Override
    public CompiledStatement compile(EngineDialect dialect, StatementCache cache) {
        return CacheKey.compile(this, dialect, cache);
    }

    /** Adds this SELECT's shape to a cache key: see {@link CacheKey}. */
    void addCacheKey(CacheKey.Walker key) {
        key.add(Select.class);
        key.add(distinct);
        key.elements(columns);
        ColumnNames n = names();
        key.add(n.keys());
        for (int i = 0; i < columns.size(); i++) {
            key.add(n.label(i, false));
        }
        // the FROM list as written: which clauses equals() found the same is decided here
        key.elements(displayFroms());
        key.element(where);
        key.element(having);
        key.add(groupBy.size());
        for (ColumnElement<?> g : groupBy) {
            key.element(g);
            key.add(selectedIndex(g));
        }
        key.add(orderBy.size());
        for (OrderByElement o : orderBy) {
            key.element(o);
            key.add(o.element() instanceof Label<?> l && columns.contains(l));
            key.add(selectedIndex(o.element()));
        }
        // LIMIT and OFFSET are bound: their presence is the shape, their values are taken like bound values
        key.add(limit != null);
        key.add(offset != null);
        if (limitSource != null) {
            key.extracted(limitSource, limit);
        }
        if (offsetSource != null) {
            key.extracted(offsetSource, offset);
        }
        key.add(forUpdate);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        boolean labelAll = compiler.takeLabelAll();
        boolean top = compiler.enterStatement();
        ColumnNames n = names();
        if (top) {
            compiler.declareResultColumns(n.resultColumns(columns, compiler.dialect()));
        }
        List<FromClause> rendered = compiler.correlate(displayFroms());
        int scope = compiler.pushFroms(rendered);

        compiler.append(distinct ? "SELECT DISTINCT " : "SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                compiler.append(", ");
            }
            n.reserve(compiler, i);
            compiler.visit(columns.get(i));
            String label = n.label(i, labelAll);
            if (label != null) {
                compiler.append(" AS ").append(compiler.quote(label));
            }
        }
        if (!rendered.isEmpty()) {
            compiler.append(" \nFROM ");
            for (int i = 0; i < rendered.size(); i++) {
                if (i > 0) {
                    compiler.append(", ");
                }
                compiler.visit(rendered.get(i));
            }
        }
        if (where != null) {
            compiler.append(" \nWHERE ");
            compiler.condition(where);
        }
        if (!groupBy.isEmpty()) {
            compiler.append(" GROUP BY ");
            for (int i = 0; i < groupBy.size(); i++) {
                if (i > 0) {
                    compiler.append(", ");
                }
                ColumnElement<?> g = groupBy.get(i);
                String reference = selectedReference(g, n, labelAll, compiler, rendered, true);
                if (reference != null) {
                    compiler.append(reference);
                } else {
                    compiler.visit(g);
                }
            }
        }
        if (having != null) {
            compiler.append(" \nHAVING ");
            compiler.condition(having);
        }
        if (!orderBy.isEmpty()) {
            compiler.append(" ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                if (i > 0) {
                    compiler.append(", ");
                }
                OrderByElement o = orderBy.get(i);
                String reference;
                if (o.element() instanceof Label<?> l && columns.contains(l)) {
                    compiler.append(compiler.quote(l.name()));
                    o.compileModifiers(compiler);
                } else if ((reference = selectedReference(o.element(), n, labelAll, compiler, rendered, false))
                        != null) {
                    compiler.append(reference);
                    o.compileModifiers(compiler);
                } else {
                    compiler.visit(o);
                }
            }
        }
        if (limit != null || offset != null) {
            compiler.limitOffset(limit, limitSource, offset, offsetSource);
        }
        if (forUpdate != null) {
            compiler.dialect()
                    .renderForUpdate(
                            compiler,
                            forUpdate.isNoWait(),
                            forUpdate.isSkipLocked(),
                            forUpdate.isRead(),
                            forUpdate.isKeyShare());
        }
        compiler.popFroms(scope);
        compiler.exitStatement();
    }

    /**
     * How GROUP BY or ORDER BY refers to an expression of the select list whose SQL has bound values (a CASE with
     * literals): by its label, or by its position in the select list. Written out again, the expression would bind
     * its values a second time, and PostgreSQL, seeing {@code $1} in the select list and {@code $4} in GROUP BY,
     * rejects the query ("must appear in the GROUP BY clause"). The expression may be given with or without its
     * label. SQLAlchemy writes the expression again, which works
     * with psycopg2 only because it puts the values into the SQL text on the client. A label is written in GROUP BY
     * only when no column of the FROM list has that name (both databases would read the name as that column, and
     * group by something else), and the statement is not nested (names of the enclosing statements' tables count
     * too); otherwise the position, which never means anything else.
     *
     * @return the reference to write, or null to write the expression
     */
    private @Nullable String selectedReference(
            ColumnElement<?> element,
            ColumnNames names,
            boolean labelAll,
            SqlCompiler compiler,
            List<FromClause> froms,
            boolean groupBy) {
        int index = selectedIndex(element);
        if (index < 0) {
            return null;
        }
        String label = names.label(index, labelAll);
        if (label == null || !hasBoundValues(element, compiler)) {
            return null;
        }
        if (groupBy && (compiler.nested() || namesAColumn(label, froms))) {
            return String.valueOf(index + 1);
        }
        return compiler.quote(label);
    }

    /** The place in the select list of an expression, given with or without its label; -1 when not selected. */
    private int selectedIndex(ColumnElement<?> element) {
        int index = columns.indexOf(element);
        for (int i = 0; index < 0 && i < columns.size(); i++) {
            // the expression of a labelled column, given without its label
            if (columns.get(i) instanceof Label<?> l && l.element().equals(element)) {
                index = i;
            }
        }
        return index;
    }

    private static boolean hasBoundValues(ColumnElement<?> element, SqlCompiler compiler) {
        try {
            return !SqlCompiler.compile(element, compiler.dialect())
                    .parameters()
                    .isEmpty();
        } catch (RuntimeException e) {
            return true; // cannot tell: the position is right either way
        }
    }

    private static boolean namesAColumn(String name, List<FromClause> froms) {
        for (FromClause from : froms) {
            List<? extends ColumnElement<?>> exported = from.exportedColumns();
            if (exported.isEmpty()) {
                return true; // columns unknown
            }
            for (ColumnElement<?> c : exported) {
                if (name.equalsIgnoreCase(c.key())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the SQL with {@code ?} placeholders, as SQLite would run it */
    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
