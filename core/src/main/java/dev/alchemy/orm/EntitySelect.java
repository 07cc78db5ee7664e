package dev.alchemy.orm;

import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.StatementCache;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.sql.ClauseElement;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.ForUpdate;
import dev.alchemy.sql.Functions;
import dev.alchemy.sql.Select;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SELECT of mapped objects, SQLAlchemy 2.0's {@code select(User)}. Immutable; execute it with
 * {@link Session#scalars(EntitySelect)} or {@link Session#execute(EntitySelect)}.
 *
 * <pre>{@code
 * List<User> users = session.scalars(select(User.class).where(where(User::getName).eq("Alice")).orderBy(...)).all();
 * }</pre>
 *
 * @param <T> the mapped class
 */
public final class EntitySelect<T> implements Executable {

    private final Mapper<T> mapper;
    private final Select select;
    private final boolean populateExisting;
    private final List<LoadOption> options;
    private final boolean loaderCriteria;
    /** Streaming: the rows per batch ({@link #yieldPer}), 0 when the objects are read completely. */
    private final int yieldPer;
    /** Whether {@link #yieldPer} came from {@code Query.stream()} rather than the application. */
    private final boolean yieldPerImplied;
    /** Whether a streamed batch's objects leave the session when the next batch is read. */
    private final boolean expungeEachBatch;
    /** A select run again (the session's lookup by key) is compiled once per dialect. */
    private volatile EntitySelect.@Nullable Compiled compiled;

    private EntitySelect(Mapper<T> mapper, Select select, boolean populateExisting, List<LoadOption> options) {
        this(mapper, select, populateExisting, options, true);
    }

    private EntitySelect(
            Mapper<T> mapper,
            Select select,
            boolean populateExisting,
            List<LoadOption> options,
            boolean loaderCriteria) {
        this(mapper, select, populateExisting, options, loaderCriteria, 0, false, false);
    }

    private EntitySelect(
            Mapper<T> mapper,
            Select select,
            boolean populateExisting,
            List<LoadOption> options,
            boolean loaderCriteria,
            int yieldPer,
            boolean yieldPerImplied,
            boolean expungeEachBatch) {
        this.yieldPer = yieldPer;
        this.yieldPerImplied = yieldPerImplied;
        this.expungeEachBatch = expungeEachBatch;
        this.loaderCriteria = loaderCriteria;
        this.mapper = mapper;
        this.select = select;
        this.populateExisting = populateExisting;
        this.options = options;
    }

    /**
     * Selects every mapped column of a class. For a class of an inheritance hierarchy ({@link Polymorphic}) that is
     * every column of the hierarchy's table, and the objects are of the class each row's discriminator names; a
     * subclass's select keeps to its rows ({@code WHERE type IN ('employee', 'manager')}).
     *
     * @param type the mapped class
     * @param <T> the class
     * @return the select
     */
    public static <T> EntitySelect<T> of(Class<T> type) {
        Mapper<T> mapper = Mapper.of(Objects.requireNonNull(type, "type"));
        Select select = mapper.layout.entitySelect();
        ColumnElement<Boolean> only = mapper.identityCondition(); // a subclass in its base's table: its rows
        return new EntitySelect<>(mapper, only == null ? select : select.where(only), false, List.of());
    }

    private EntitySelect<T> copy(
            Select select, boolean populateExisting, List<LoadOption> options, boolean loaderCriteria) {
        return new EntitySelect<>(
                mapper, select, populateExisting, options, loaderCriteria, yieldPer, yieldPerImplied, expungeEachBatch);
    }

    private EntitySelect<T> with(Select select) {
        return copy(select, populateExisting, options, loaderCriteria);
    }

    /**
     * Adds conditions, joined with AND.
     *
     * @param conditions conditions on the class's columns ({@code where(User::getName).eq("Alice")})
     * @return the changed copy
     */
    @SafeVarargs
    public final EntitySelect<T> where(ColumnElement<Boolean>... conditions) {
        return with(select.where(conditions));
    }

    /**
     * Adds an equality condition on an attribute by name, like {@code filter_by(name="Alice")}.
     *
     * @param attribute the field name
     * @param value the value; null means IS NULL
     * @return the changed copy
     * @throws dev.alchemy.exc.ArgumentError listing the class's attributes when the name is unknown
     */
    public EntitySelect<T> filterBy(String attribute, @Nullable Object value) {
        Attribute a = mapper.attribute(Objects.requireNonNull(attribute, "attribute"));
        return with(select.where(mapper.column(a).eq(a.toStored(value))));
    }

    /**
     * Adds equality conditions on several attributes.
     *
     * @param values values by field name
     * @return the changed copy
     */
    public EntitySelect<T> filterBy(Map<String, ?> values) {
        EntitySelect<T> result = this;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            result = result.filterBy(e.getKey(), e.getValue());
        }
        return result;
    }

    /**
     * Joins along a relationship, like {@code select(User).join(User.addresses)}: conditions and ordering may then
     * use the related class's columns. A join to a collection repeats the owners; use
     * {@link ScalarResult#unique()} (the legacy {@link Query} does it for you).
     *
     * @param relationship a getter of a relationship, {@code User::getAddresses}
     * @return the changed copy
     */
    public EntitySelect<T> join(Getter<T, ?> relationship) {
        dev.alchemy.orm.internal.mapping.Attributes.Property p =
                dev.alchemy.orm.internal.mapping.Attributes.property(relationship);
        return join(p.owner(), p.name(), false);
    }

    /**
     * LEFT OUTER JOIN along a relationship.
     *
     * @param relationship a getter of a relationship
     * @return the changed copy
     */
    public EntitySelect<T> outerJoin(Getter<T, ?> relationship) {
        dev.alchemy.orm.internal.mapping.Attributes.Property p =
                dev.alchemy.orm.internal.mapping.Attributes.property(relationship);
        return join(p.owner(), p.name(), true);
    }

    /**
     * Joins along a relationship named by field, for models with public fields.
     *
     * @param relationship the relationship's field name on the selected class
     * @return the changed copy
     */
    public EntitySelect<T> join(String relationship) {
        return join(mapper.type(), relationship, false);
    }

    private EntitySelect<T> join(Class<?> owner, String relationship, boolean outer) {
        return with(dev.alchemy.orm.internal.relationships.Relations.join(select, owner, relationship, outer));
    }

    /**
     * Adds ORDER BY items: columns ascending or {@code where(User::getName).desc()}.
     *
     * @param items the items
     * @return the changed copy
     */
    public EntitySelect<T> orderBy(ClauseElement... items) {
        return with(select.orderBy(items));
    }

    /**
     * @param limit the most objects to return
     * @return the changed copy
     */
    public EntitySelect<T> limit(int limit) {
        return with(select.limit(limit));
    }

    /**
     * @param offset how many to skip
     * @return the changed copy
     */
    public EntitySelect<T> offset(int offset) {
        return with(select.offset(offset));
    }

    /** @return a copy selecting distinct rows */
    public EntitySelect<T> distinct() {
        return with(select.distinct());
    }

    /**
     * Overwrites loaded objects with the rows' values even when they are not expired, like
     * {@code execution_options(populate_existing=True)}.
     *
     * @return the changed copy
     */
    public EntitySelect<T> populateExisting() {
        return copy(select, true, options, loaderCriteria);
    }

    /**
     * Locks the selected rows until the transaction ends, {@code SELECT ... FOR UPDATE}, like SQLAlchemy's
     * {@code with_for_update()}. It implies {@link #populateExisting()}: objects already in the session are
     * overwritten with the rows just locked, so the values the transaction goes on with are the current ones. SQLite
     * locks the whole database file for a writer rather than rows, and has no FOR UPDATE: there the clause is left
     * out (as SQLAlchemy does) and the select is a plain one.
     *
     * <pre>{@code
     * Account account = session.scalars(select(Account.class).filterBy("id", 7).withForUpdate()).one();
     * account.setBalance(account.getBalance().subtract(amount)); // no other transaction changes it meanwhile
     * session.commit();                                          // the lock ends with the transaction
     * }</pre>
     *
     * @return the changed copy
     */
    public EntitySelect<T> withForUpdate() {
        return copy(select.withForUpdate(), true, options, loaderCriteria);
    }

    /**
     * Locks the selected rows as {@code lock} says, like {@code with_for_update(nowait=..., skip_locked=...,
     * read=..., key_share=...)}; it implies {@link #populateExisting()}, and SQLite leaves the clause out (see
     * {@link #withForUpdate()}).
     *
     * <pre>{@code
     * List<Job> mine = session.scalars(select(Job.class).filterBy("state", "new").limit(10)
     *         .withForUpdate(forUpdate().skipLocked())).all();   // FOR UPDATE SKIP LOCKED: a job queue
     * }</pre>
     *
     * @param lock the lock's strength and options, from {@link ForUpdate#forUpdate()}
     * @return the changed copy
     */
    public EntitySelect<T> withForUpdate(ForUpdate lock) {
        return copy(select.withForUpdate(lock), true, options, loaderCriteria);
    }

    /**
     * Locks the selected rows with options, like {@code with_for_update(nowait=..., skip_locked=..., read=...)}; it
     * implies {@link #populateExisting()}, and SQLite leaves the clause out (see {@link #withForUpdate()}).
     *
     * @param nowait fail at once when another transaction holds a lock ({@code NOWAIT}, an
     *     {@link dev.alchemy.exc.OperationalError}) instead of waiting for it
     * @param skipLocked leave out the rows another transaction holds locked ({@code SKIP LOCKED}): a job queue
     * @param read take a shared lock ({@code FOR SHARE}): others may read-lock the rows too, but not change them
     * @return the changed copy
     * @deprecated three booleans read badly at the call site; use {@link #withForUpdate(ForUpdate)}:
     *     {@code withForUpdate(forUpdate().skipLocked())}
     */
    @Deprecated
    public EntitySelect<T> withForUpdate(boolean nowait, boolean skipLocked, boolean read) {
        ForUpdate lock = ForUpdate.forUpdate();
        if (read) {
            lock = lock.ofShare();
        }
        if (nowait) {
            lock = lock.noWait();
        }
        if (skipLocked) {
            lock = lock.skipLocked();
        }
        return withForUpdate(lock);
    }

    /**
     * The rows this select would return, counted by the database, as SQLAlchemy's {@code Query.count()}:
     * {@code SELECT count(*) AS count_1 FROM (<this select>) AS anon_1}.
     *
     * @return the counting statement
     */
    public Select countStatement() {
        // a SELECT of the expression language, not text: what it reads from stays visible (the session's binds
        // route it by its tables)
        return Select.of(Functions.INSTANCE.count().label("count_1")).selectFrom(select.subquery("anon_1"));
    }

    /**
     * Whether this select would return any row, asked of the database without loading one, as SQLAlchemy's
     * {@code session.query(exists(query)).scalar()}: {@code SELECT EXISTS (<this select>) AS anon_1}.
     *
     * @return the statement, whose one value is true or false (1 or 0 on SQLite and MySQL)
     */
    public Select existsStatement() {
        return Select.of(select.exists().label("anon_1"));
    }

    /**
     * Streams the objects: {@link Session#scalars(EntitySelect)} then reads the rows over a server-side cursor and
     * builds the objects {@code batchSize} rows at a time, as SQLAlchemy's {@code execution_options(yield_per=n)}.
     * Each batch is complete before it is handed out (its selectin relationships loaded with one IN query per batch,
     * {@code load} events fired). PostgreSQL reads through a cursor (a fetch size inside the transaction), SQLite steps
     * row by row, MariaDB reads the rows from the socket as they are needed.
     *
     * <p>The result holds a database cursor: <b>close it</b> (try-with-resources). One left open is closed when the
     * session's transaction ends or the session closes. A joined eager load of a collection cannot be streamed (a
     * batch could end inside an owner's rows) and is refused with {@link dev.alchemy.exc.InvalidRequestError}, as in
     * SQLAlchemy; load it with {@link Load#selectin}. The objects stay in the session's identity map unless
     * {@link #expungeEachBatch()} is asked for.
     *
     * <pre>{@code
     * try (ScalarResult<Event> events = session.scalars(select(Event.class).orderBy(attr(Event::getId).asc())
     *         .yieldPer(1000).expungeEachBatch())) {
     *     for (List<Event> batch : events.partitions()) {
     *         exporter.write(batch);                       // 1,000 objects in memory at a time
     *     }
     * }
     * }</pre>
     *
     * @param batchSize the rows fetched and turned into objects at a time, 1 or more
     * @return the changed copy
     * @throws dev.alchemy.exc.ArgumentError when batchSize is less than 1
     */
    public EntitySelect<T> yieldPer(int batchSize) {
        if (batchSize < 1) {
            throw new dev.alchemy.exc.ArgumentError("yieldPer needs a batch size of 1 or more, was " + batchSize);
        }
        return new EntitySelect<>(
                mapper, select, populateExisting, options, loaderCriteria, batchSize, false, expungeEachBatch);
    }

    /**
     * Streams the objects (as {@link #yieldPer(int)}, with 1,000 rows per batch unless yieldPer says otherwise) and
     * keeps the session's identity map from growing: when the next batch is read, and when the result is closed, the
     * objects the previous batch brought into the session leave it ({@link Session#expunge}), related objects its
     * eager and lazy loads brought included; objects the session held before are kept. Changes made to them are
     * flushed first, so none is lost. A table of any size is then walked in the memory of one batch: SQLAlchemy
     * reaches the same with its weak-referencing identity map.
     *
     * <p>Keep no reference to an object of a finished batch that you mean to change: it is detached.
     *
     * <pre>{@code
     * try (Stream<User> users = session.query(User.class).orderBy(attr(User::getId).asc())
     *         .yieldPer(500).expungeEachBatch().stream()) {
     *     users.forEach(csv::writeRow);
     * }
     * }</pre>
     *
     * @return the changed copy
     */
    public EntitySelect<T> expungeEachBatch() {
        return new EntitySelect<>(
                mapper,
                select,
                populateExisting,
                options,
                loaderCriteria,
                yieldPer == 0 ? dev.alchemy.engine.Connection.DEFAULT_STREAM_BATCH_SIZE : yieldPer,
                yieldPerImplied,
                true);
    }

    /** The stream of {@code Query.stream()}: 1,000 rows per batch unless yieldPer says otherwise. */
    EntitySelect<T> streamed() {
        return yieldPer > 0
                ? this
                : new EntitySelect<>(
                        mapper,
                        select,
                        populateExisting,
                        options,
                        loaderCriteria,
                        dev.alchemy.engine.Connection.DEFAULT_STREAM_BATCH_SIZE,
                        true,
                        expungeEachBatch);
    }

    /**
     * The keyset position of an object this select returned: the values of its ORDER BY items, read from the
     * object's fields, as {@link Select#keysetOf(dev.alchemy.engine.Row)} reads them from a row. The next page is
     * {@code after(position)}; {@code Query.keysetPage} does this for you.
     *
     * <pre>{@code
     * EntitySelect<User> byName = select(User.class).orderBy(attr(User::getName), attr(User::getId));
     * Keyset position = byName.keysetOf(lastUserShown);
     * List<User> next = session.scalars(byName.after(position).limit(50)).all();
     * }</pre>
     *
     * @param object an object of this select's class
     * @return the position after the object
     * @throws dev.alchemy.exc.ArgumentError when the select has no ORDER BY, orders by something other than a column
     *     of its class's table, or the object's value of an ordering column is null
     */
    public dev.alchemy.sql.Keyset keysetOf(T object) {
        Objects.requireNonNull(object, "object");
        List<dev.alchemy.sql.OrderByElement> order = select.orderByClauses();
        if (order.isEmpty()) {
            throw new dev.alchemy.exc.ArgumentError("a keyset position is a place in an ORDER BY, and this select has "
                    + "none; order by a unique column, or columns ending with the primary key");
        }
        List<Object> values = new java.util.ArrayList<>(order.size());
        for (dev.alchemy.sql.OrderByElement item : order) {
            ColumnElement<?> e = item.element();
            if (e instanceof dev.alchemy.sql.Label<?> label) {
                e = label.element();
            }
            Attribute attribute = null;
            if (e instanceof dev.alchemy.sql.ColumnClause<?> c && c.table() == mapper.table()) {
                for (Attribute a : mapper.attributes) {
                    if (a.columnName().equals(c.name())) {
                        attribute = a;
                        break;
                    }
                }
            }
            if (attribute == null) {
                throw new dev.alchemy.exc.ArgumentError("keyset pages of " + mapper.type.getSimpleName()
                        + " read the position from the objects' fields, and the ORDER BY item " + e
                        + " is not a column of " + mapper.table().name() + "; order by the class's own columns");
            }
            Object value = attribute.toStored(attribute.get(object));
            if (value == null) {
                throw new dev.alchemy.exc.ArgumentError("the ORDER BY value " + mapper.type.getSimpleName() + "."
                        + attribute.name() + " is null in the last object; keyset pagination needs ORDER BY columns "
                        + "that are never NULL");
            }
            values.add(value);
        }
        return new dev.alchemy.sql.Keyset(values);
    }

    /**
     * The objects after a keyset position in this select's ORDER BY, as {@link Select#after(dev.alchemy.sql.Keyset)}:
     * the seek condition of keyset pagination.
     *
     * @param position the ORDER BY items' values in the last object already seen ({@link #keysetOf})
     * @return the changed copy
     * @throws dev.alchemy.exc.ArgumentError when this select has no ORDER BY, or the position has another number of
     *     values
     */
    public EntitySelect<T> after(dev.alchemy.sql.Keyset position) {
        return with(select.after(position));
    }

    /** The same select with another Core SELECT underneath (a page of it), its options kept. */
    EntitySelect<T> withSelect(Select other) {
        return with(other);
    }

    /** Whether a row may repeat an object: the select reads from more than its class's table (a join). */
    boolean mayRepeat() {
        List<dev.alchemy.sql.FromClause> froms = select.froms();
        return !(froms.size() == 1 && froms.get(0) == mapper.table());
    }

    /** @return the rows per batch of a streamed select ({@link #yieldPer}), 0 when it is read completely */
    public int yieldPerSize() {
        return yieldPer;
    }

    /**
     * @return true when the batch size came from {@code Query.stream()} rather than {@link #yieldPer}: a joined
     *     eager load of a collection is then loaded selectin per batch instead of being refused
     */
    public boolean isYieldPerImplied() {
        return yieldPerImplied;
    }

    /** @return whether each streamed batch's objects leave the session ({@link #expungeEachBatch()}) */
    public boolean expungesEachBatch() {
        return expungeEachBatch;
    }

    /**
     * Leaves out the session factory's {@link LoaderCriteria} (soft delete, tenant) from this statement and the
     * relationships it loads joined: the documented way past them, for an administrator's view or a purge.
     *
     * <pre>{@code
     * List<Note> all = session.scalars(select(Note.class).withoutLoaderCriteria()).all();
     * }</pre>
     *
     * @return the changed copy
     */
    public EntitySelect<T> withoutLoaderCriteria() {
        return copy(select, populateExisting, options, false);
    }

    /** @return whether the session factory's {@link LoaderCriteria} apply (true unless {@link #withoutLoaderCriteria}) */
    public boolean includesLoaderCriteria() {
        return loaderCriteria;
    }

    /**
     * Sets how relationships load in this query: {@code options(Load.selectin(User::getAddresses))}.
     *
     * @param loaderOptions the options
     * @return the changed copy
     * @throws dev.alchemy.exc.ArgumentError when an option names an unknown relationship, or one of another class
     *     than this query's (or, chained, than the class the option before it loads), or a write-only collection
     */
    public EntitySelect<T> options(LoadOption... loaderOptions) {
        List<LoadOption> list = new java.util.ArrayList<>(options);
        for (LoadOption o : loaderOptions) {
            dev.alchemy.orm.internal.loading.LoaderOptions.check(mapper, o);
            list.add(o);
        }
        return copy(select, populateExisting, List.copyOf(list), loaderCriteria);
    }

    /** @return the loader options */
    public List<LoadOption> loaderOptions() {
        return options;
    }

    /** @return the mapped class */
    public Class<T> type() {
        return mapper.type();
    }

    /** @return the Core SELECT underneath */
    public Select select() {
        return select;
    }

    /** @return whether its Core SELECT is one without a row lock */
    @Override
    public boolean isSelect() {
        return select.isSelect();
    }

    /** @return whether loaded objects are overwritten */
    public boolean isPopulateExisting() {
        return populateExisting;
    }

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        Compiled last = compiled;
        if (last != null && last.dialect() == dialect) {
            return last.statement(); // immutable, values included: the same text and parameters every time
        }
        CompiledStatement statement = select.compile(dialect);
        compiled = new Compiled(dialect, statement);
        return statement;
    }

    /**
     * Compiles the Core SELECT through the engine's cache, so that queries of one shape with other values (another
     * name, another key) compile once; this statement keeps its own compilation too.
     */
    @Override
    public CompiledStatement compile(EngineDialect dialect, StatementCache cache) {
        Compiled last = compiled;
        if (last != null && last.dialect() == dialect) {
            return last.statement();
        }
        CompiledStatement statement = select.compile(dialect, cache);
        compiled = new Compiled(dialect, statement);
        return statement;
    }

    /** The last compilation and the dialect it was for. */
    private record Compiled(EngineDialect dialect, CompiledStatement statement) {}

    @Override
    public String toString() {
        return select.toString();
    }
}
