package dev.alchemy.orm;

import dev.alchemy.exc.MultipleResultsFound;
import dev.alchemy.exc.NoResultFound;
import dev.alchemy.sql.ClauseElement;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.ForUpdate;
import dev.alchemy.sql.Keyset;
import dev.alchemy.sql.KeysetPage;
import dev.alchemy.sql.OffsetPage;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A query for mapped objects, SQLAlchemy's {@code session.query(User)}. Immutable: each method returns a changed
 * copy; {@link #all()}, {@link #first()}, {@link #one()}, {@link #count()} run it (after an autoflush).
 *
 * <pre>{@code
 * User alice = session.query(User.class).filterBy("name", "Alice").first();
 * List<User> page = session.query(User.class).filter(where(User::getEmail).like("%@example.com"))
 *         .orderBy(where(User::getName).asc()).limit(20).offset(40).all();
 * }</pre>
 *
 * @param <T> the mapped class
 */
public final class Query<T> implements Iterable<T> {

    private final Session session;
    private final EntitySelect<T> select;

    private Query(Session session, EntitySelect<T> select) {
        this.session = session;
        this.select = select;
    }

    /**
     * A query run by a session.
     *
     * @param session the session
     * @param select what to select
     * @param <T> the mapped class
     * @return the query
     */
    public static <T> Query<T> of(Session session, EntitySelect<T> select) {
        return new Query<>(Objects.requireNonNull(session, "session"), Objects.requireNonNull(select, "select"));
    }

    private Query<T> with(EntitySelect<T> select) {
        return new Query<>(session, select);
    }

    /**
     * Adds an equality condition on an attribute by name, like {@code filter_by(name="Alice")}.
     *
     * @param attribute the field name
     * @param value the value; null means IS NULL
     * @return the changed copy
     * @throws dev.alchemy.exc.ArgumentError listing the class's attributes when the name is unknown
     */
    public Query<T> filterBy(String attribute, @Nullable Object value) {
        return with(select.filterBy(attribute, value));
    }

    /**
     * Adds equality conditions on several attributes.
     *
     * @param values values by field name
     * @return the changed copy
     */
    public Query<T> filterBy(Map<String, ?> values) {
        return with(select.filterBy(values));
    }

    /**
     * Adds conditions, joined with AND, like {@code filter(...)}.
     *
     * @param conditions conditions, e.g. {@code where(User::getName).eq("Alice")}
     * @return the changed copy
     */
    @SafeVarargs
    public final Query<T> filter(ColumnElement<Boolean>... conditions) {
        return with(select.where(conditions));
    }

    /**
     * Joins along a relationship, like {@code query(User).join(User.addresses)}; results stay unique owners.
     *
     * @param relationship a getter of a relationship, {@code User::getAddresses}
     * @return the changed copy
     */
    public Query<T> join(Getter<T, ?> relationship) {
        return with(select.join(relationship));
    }

    /**
     * LEFT OUTER JOIN along a relationship.
     *
     * @param relationship a getter of a relationship
     * @return the changed copy
     */
    public Query<T> outerJoin(Getter<T, ?> relationship) {
        return with(select.outerJoin(relationship));
    }

    /**
     * Joins along a relationship named by field.
     *
     * @param relationship the relationship's field name
     * @return the changed copy
     */
    public Query<T> join(String relationship) {
        return with(select.join(relationship));
    }

    /**
     * Adds ORDER BY items.
     *
     * @param items columns (ascending) or {@code column.desc()}
     * @return the changed copy
     */
    public Query<T> orderBy(ClauseElement... items) {
        return with(select.orderBy(items));
    }

    /**
     * @param limit the most objects to return
     * @return the changed copy
     */
    public Query<T> limit(int limit) {
        return with(select.limit(limit));
    }

    /**
     * @param offset how many to skip
     * @return the changed copy
     */
    public Query<T> offset(int offset) {
        return with(select.offset(offset));
    }

    /** @return a copy selecting distinct rows */
    public Query<T> distinct() {
        return with(select.distinct());
    }

    /**
     * Overwrites loaded objects with the rows' values, like {@code populate_existing()}.
     *
     * @return the changed copy
     */
    public Query<T> populateExisting() {
        return with(select.populateExisting());
    }

    /**
     * Locks the matching rows until the transaction ends, {@code SELECT ... FOR UPDATE}; implies
     * {@link #populateExisting()}. Left out on SQLite, which has no row locks (see
     * {@link EntitySelect#withForUpdate()}).
     *
     * @return the changed copy
     */
    public Query<T> withForUpdate() {
        return with(select.withForUpdate());
    }

    /**
     * Locks the matching rows as {@code lock} says; implies {@link #populateExisting()}. See
     * {@link EntitySelect#withForUpdate(ForUpdate)}.
     *
     * <pre>{@code
     * List<Job> mine = session.query(Job.class).filterBy("state", "new").limit(10)
     *         .withForUpdate(forUpdate().skipLocked()).all();
     * }</pre>
     *
     * @param lock the lock's strength and options, from {@link ForUpdate#forUpdate()}
     * @return the changed copy
     */
    public Query<T> withForUpdate(ForUpdate lock) {
        return with(select.withForUpdate(lock));
    }

    /**
     * Locks the matching rows with options ({@code NOWAIT}, {@code SKIP LOCKED}, {@code FOR SHARE}).
     *
     * @param nowait fail at once when a row is locked
     * @param skipLocked leave out locked rows
     * @param read a shared lock
     * @return the changed copy
     * @deprecated use {@link #withForUpdate(ForUpdate)}: {@code withForUpdate(forUpdate().noWait())}
     */
    @Deprecated
    @SuppressWarnings("deprecation")
    public Query<T> withForUpdate(boolean nowait, boolean skipLocked, boolean read) {
        return with(select.withForUpdate(nowait, skipLocked, read));
    }

    /**
     * Sets how relationships load: {@code options(Load.selectin(User::getAddresses))}.
     *
     * @param options the loader options
     * @return the changed copy
     */
    public Query<T> options(LoadOption... options) {
        return with(select.options(options));
    }

    /** @return every matching object, each once even when a join repeats it */
    public List<T> all() {
        return session.scalars(select).unique().all();
    }

    /** @return the first matching object (the query runs with LIMIT 1), or null when none matches */
    public @Nullable T first() {
        return session.scalars(select.limit(1)).first();
    }

    /**
     * @return the only matching object
     * @throws NoResultFound when none matches
     * @throws MultipleResultsFound when several match
     */
    public T one() {
        return session.scalars(select).unique().one();
    }

    /**
     * @return the only matching object, or null
     * @throws MultipleResultsFound when several match
     */
    public @Nullable T oneOrNone() {
        return session.scalars(select).unique().oneOrNone();
    }

    /**
     * The first matching object as an {@link Optional}: {@link #first()} for code that maps or chains the result.
     * Named as {@link java.util.stream.Stream#findFirst()}, JDBI's {@code findFirst()} and Spring Data's
     * {@code findFirst...} are, which all return an {@code Optional}, so a Java reader knows without looking.
     *
     * <pre>{@code
     * String name = session.query(User.class).orderBy(attr(User::getName).asc()).findFirst()
     *         .map(User::getName).orElse("nobody");
     * }</pre>
     *
     * @return the first matching object (the query runs with LIMIT 1), or empty when none matches
     */
    public Optional<T> findFirst() {
        return Optional.ofNullable(first());
    }

    /**
     * The only matching object as an {@link Optional}: {@link #oneOrNone()} for code that maps or chains the
     * result, named as JDBI's {@code findOne()} and Spring Data's {@code findOne(...)}.
     *
     * @return the only matching object, or empty when none matches
     * @throws MultipleResultsFound when several match
     */
    public Optional<T> findOne() {
        return Optional.ofNullable(oneOrNone());
    }

    /**
     * The number of matching rows, counted by the database as SQLAlchemy does:
     * {@code SELECT count(*) AS count_1 FROM (<the query>) AS anon_1}. A join to a collection counts each owner once
     * per joined row, as in SQLAlchemy; {@link #all()} returns each owner once.
     *
     * @return the number of matching rows
     */
    public long count() {
        return session.count(select);
    }

    /**
     * Page {@code number} of the query, with the total: {@code LIMIT size OFFSET (number - 1) * size} and a count of
     * the same query ({@link #count()}, {@code SELECT count(*) FROM (<the query>)}), as {@link OffsetPage#fetch}
     * does for Core. The count is saved where the page itself tells the total (a first page that is not full, the
     * last page). The query needs an ORDER BY that makes the order unique (end it with the primary key), or pages may
     * repeat and skip rows, and no LIMIT or OFFSET of its own. Deep pages get slower, since the database reads every
     * row before the page: to walk a large table use {@link #keysetPage}.
     *
     * <pre>{@code
     * OffsetPage<User> page = session.query(User.class)
     *         .orderBy(attr(User::getName), attr(User::getId)).page(3, 20);
     * page.items();        // users 41 to 60
     * page.totalPages();   // for the links
     * }</pre>
     *
     * @param number the page, from 1
     * @param size the objects per page, 1 or more
     * @return the page, empty (with the total) past the last one
     * @throws dev.alchemy.exc.ArgumentError when number or size is less than 1, the query has no ORDER BY, or has its
     *     own LIMIT or OFFSET
     */
    public OffsetPage<T> page(int number, int size) {
        EntitySelect<T> page = select.withSelect(OffsetPage.pageOf(select.select(), number, size));
        List<T> items = session.scalars(page).unique().all();
        long offset = (long) (number - 1) * size;
        long total;
        if (!select.mayRepeat() && !items.isEmpty() && items.size() < size) {
            total = offset + items.size(); // the last page: the count is known
        } else if (!select.mayRepeat() && offset == 0 && items.isEmpty()) {
            total = 0;
        } else {
            total = count();
        }
        return OffsetPage.of(items, number, size, total);
    }

    /**
     * The page of {@code size} objects after a keyset position, as {@link KeysetPage#fetch} does for Core: one
     * indexed range read, {@code WHERE (name, id) > (?, ?) ORDER BY name, id LIMIT size + 1}, so that page 1,000
     * costs what page 1 does and rows inserted meanwhile never shift a page. The position of the next page is read
     * from the last object's fields ({@link EntitySelect#keysetOf}). The ORDER BY must be unique (end it with the
     * primary key), on the class's own NOT NULL columns; the query must have no LIMIT or OFFSET and no join that
     * repeats objects.
     *
     * <pre>{@code
     * Query<User> byName = session.query(User.class).orderBy(attr(User::getName), attr(User::getId));
     * KeysetPage<User> page = byName.keysetPage(50, null);     // the first page
     * while (page.hasNext()) {
     *     page = byName.keysetPage(50, page.next());           // page.next() may travel to a client and back
     * }
     * }</pre>
     *
     * @param size the objects per page, 1 or more
     * @param after where the previous page ended ({@link KeysetPage#next()}), or null for the first page
     * @return the page
     * @throws dev.alchemy.exc.ArgumentError when size is less than 1, the query has no ORDER BY, its own LIMIT or
     *     OFFSET, or a join; the position does not fit the ORDER BY; or an ORDER BY item is not a column of the class
     */
    public KeysetPage<T> keysetPage(int size, @Nullable Keyset after) {
        if (select.mayRepeat()) {
            throw new dev.alchemy.exc.ArgumentError(
                    "keyset pages count objects, and this query reads from a join, "
                            + "whose rows may repeat an object; filter by the related rows with a subquery (IN or EXISTS) instead");
        }
        EntitySelect<T> page = select.withSelect(KeysetPage.pageOf(select.select(), size, after));
        List<T> objects = session.scalars(page).all();
        boolean more = objects.size() > size;
        List<T> items = more ? objects.subList(0, size) : objects;
        Keyset next = more ? select.keysetOf(items.get(items.size() - 1)) : null;
        return KeysetPage.of(items, size, after, next);
    }

    /**
     * Updates the matching rows in one UPDATE statement, without loading them, like {@code query.update({...})}.
     * Objects of the class already loaded in the session are expired, so their next load shows the new values.
     * Relationship cascades do not apply to bulk statements.
     *
     * @param values new values by field name
     * @return the number of rows updated
     */
    public long update(Map<String, ?> values) {
        return session.bulkUpdate(select, values);
    }

    /**
     * Deletes the matching rows in one DELETE statement, without loading them, like {@code query.delete()}. Objects
     * deleted this way that the session had loaded are removed from it. Relationship cascades do not apply.
     *
     * @return the number of rows deleted
     */
    public long delete() {
        return session.bulkDelete(select);
    }

    /**
     * Whether any row matches, asked of the database without loading an object:
     * {@code SELECT EXISTS (<the query>) AS anon_1}.
     *
     * @return whether any row matches
     */
    public boolean exists() {
        return session.exists(select);
    }

    /**
     * Leaves out the session factory's {@link LoaderCriteria} (soft delete, tenant) from this query: see
     * {@link EntitySelect#withoutLoaderCriteria()}.
     *
     * <pre>{@code
     * long everyTenantsNotes = session.query(Note.class).withoutLoaderCriteria().count();
     * }</pre>
     *
     * @return the changed copy
     */
    public Query<T> withoutLoaderCriteria() {
        return with(select.withoutLoaderCriteria());
    }

    /**
     * Reads the objects over a server-side cursor and builds them a batch of rows at a time ({@link #yieldPer}),
     * as SQLAlchemy's {@code yield_per}: 1,000 rows per batch unless {@link #yieldPer(int)} says otherwise. Each batch
     * is complete before it is handed out (selectin relationships loaded with one IN query per batch, {@code load}
     * events fired). The query autoflushes before it starts, and runs with the loader criteria and
     * {@code ormExecute} listeners like every query.
     *
     * <p><b>The stream holds a database cursor and must be closed</b>: use try-with-resources. One left open is
     * released when the session's transaction ends or the session closes; reading it after that raises
     * {@link dev.alchemy.exc.ResourceClosedError}. In a Spring {@code @Transactional} method, consume and close it
     * inside the method. The objects stay in the session (its identity map grows with them) unless
     * {@link #expungeEachBatch()} is asked for; without yieldPer, a joined eager load of a collection is loaded
     * selectin per batch instead (with yieldPer it is refused, as in SQLAlchemy). A query that joins another table
     * returns each object once, remembering those it returned.
     *
     * <pre>{@code
     * try (Stream<User> users = session.query(User.class).orderBy(attr(User::getId).asc()).stream()) {
     *     users.filter(User::isActive).limit(10).forEach(mailer::send);   // reads 1,000 rows, not the table
     * }
     * }</pre>
     *
     * @return the objects, read lazily; close it
     */
    public Stream<T> stream() {
        return result().stream();
    }

    private ScalarResult<T> result() {
        ScalarResult<T> result = session.scalars(select.streamed());
        return select.mayRepeat() ? result.unique() : result;
    }

    /**
     * The objects in lists of {@code size}, read from a cursor as the stream advances, as SQLAlchemy's
     * {@code partitions(size)}: for work done per batch. Close the stream (try-with-resources), as {@link #stream()}
     * says.
     *
     * <pre>{@code
     * try (Stream<List<Order>> batches = session.query(Order.class).yieldPer(500).expungeEachBatch()
     *         .partitions(500)) {
     *     batches.forEach(exporter::write);
     * }
     * }</pre>
     *
     * @param size the objects per list, 1 or more (the last list may be shorter)
     * @return the lists, read lazily; close it
     * @throws dev.alchemy.exc.ArgumentError when size is less than 1
     */
    public Stream<List<T>> partitions(int size) {
        ScalarResult<T> result = result();
        Iterable<List<T>> lists;
        try {
            lists = result.partitions(size);
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
        return java.util.stream.StreamSupport.stream(lists.spliterator(), false).onClose(result::close);
    }

    /**
     * Streams the objects {@code batchSize} rows at a time over a cursor: see {@link EntitySelect#yieldPer(int)}.
     * Read them with {@link #stream()} or {@link #partitions(int)}; {@link #all()} still returns a list.
     *
     * @param batchSize the rows per batch, 1 or more
     * @return the changed copy
     * @throws dev.alchemy.exc.ArgumentError when batchSize is less than 1
     */
    public Query<T> yieldPer(int batchSize) {
        return with(select.yieldPer(batchSize));
    }

    /**
     * Streams the objects and takes each batch's objects out of the session when the next batch is read, so the
     * identity map does not grow: see {@link EntitySelect#expungeEachBatch()}.
     *
     * <pre>{@code
     * try (Stream<Event> events = session.query(Event.class).orderBy(attr(Event::getId).asc())
     *         .yieldPer(1000).expungeEachBatch().stream()) {
     *     events.forEach(csv::writeRow);                      // a million rows in the memory of 1,000
     * }
     * }</pre>
     *
     * @return the changed copy
     */
    public Query<T> expungeEachBatch() {
        return with(select.expungeEachBatch());
    }

    @Override
    public java.util.Iterator<T> iterator() {
        return all().iterator();
    }

    /** @return the entity select this query runs */
    public EntitySelect<T> entitySelect() {
        return select;
    }

    @Override
    public String toString() {
        return select.toString();
    }
}
