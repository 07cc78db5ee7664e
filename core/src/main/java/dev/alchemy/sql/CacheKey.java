package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.StatementCache;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a statement, SQLAlchemy's {@code CacheKey}: everything its SQL text depends on, without the values it
 * binds, so that two statements that differ only in their values compile to the same text and share one entry of the
 * engine's {@link StatementCache}. Alongside, the statement's {@link BindParam}s in the order of the walk (SQLAlchemy's
 * {@code extracted_parameters}), from which a cached compilation takes this statement's values.
 *
 * <p>Correctness first: the walk knows the elements of this package, whose rendering it was written against, and
 * gives up (the statement is compiled every time) on anything else: text, CTEs, compound selects, elements of other
 * packages. What it keeps in the key:
 *
 * <ul>
 *   <li>each element's class, and every component of a record that is not an element, by {@code equals} (operators,
 *       names, types, flags, the text of a literal column): so {@code IS NULL} and {@code = ?} differ, as do
 *       {@code IN} lists of different lengths;
 *   <li>schema tables and their columns by identity; aliases and subqueries by their structure and by the order in
 *       which the statement first names them (their generated names, {@code users_1}, depend on it);
 *   <li>of a SELECT, the decisions its compilation takes by comparing elements with {@code equals} (which compare
 *       values): the column labels, the FROM list, which ORDER BY and GROUP BY items refer to selected columns;
 *   <li>IN lists up to {@value #MAX_CACHED_IN_LIST} values by their length (a longer one makes the statement
 *       compile every time);
 *   <li>whether there is a LIMIT and an OFFSET; their values are taken from each statement like bound values, at
 *       the places where the dialect binds them;
 *   <li>of a {@link BindParam}: its name, type and whether it is required; not its value.
 * </ul>
 *
 * The dialect is the other half of the cache's key. A compilation is kept only when each of its parameters can be
 * traced to one {@link BindParam} of the walk, or to the key itself.
 */
final class CacheKey {

    private static final Uncacheable UNCACHEABLE = new Uncacheable();
    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    private static final Object LIST = new Object() {
        @Override
        public String toString() {
            return "list";
        }
    };
    private static final Object REFERENCE = new Object() {
        @Override
        public String toString() {
            return "ref";
        }
    };
    private static final String PACKAGE = CacheKey.class.getPackageName();

    /**
     * The longest IN list whose statement is cached. Each length is a shape of its own (one placeholder per value), so
     * that the chunks of a selectin load or a caller's lists of many lengths would fill the cache with entries used
     * once and push out the statements that repeat; compiling a long list costs little beside running it.
     */
    static final int MAX_CACHED_IN_LIST = 64;

    private static final ClassValue<MethodHandle[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            MethodHandle[] handles = new MethodHandle[components.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < components.length; i++) {
                try {
                    handles[i] = lookup.unreflect(components[i].getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + components[i], e);
                }
            }
            return handles;
        }
    };

    static {
        // the walk writes these records' components out by hand: a component added later must be added there too
        checkComponents(BinaryExpression.class, 4);
        checkComponents(BooleanClauseList.class, 2);
        checkComponents(OrderByElement.class, 3);
        checkComponents(Label.class, 2);
        checkComponents(UnaryExpression.class, 4);
        checkComponents(Not.class, 1);
        checkComponents(FunctionCall.class, 3);
        checkComponents(BindParam.class, 5);
        checkComponents(InList.class, 3);
        checkComponents(Like.class, 7);
        checkComponents(Between.class, 4);
        checkComponents(Join.class, 5);
    }

    private static void checkComponents(Class<? extends Record> type, int count) {
        if (type.getRecordComponents().length != count) {
            throw new IllegalStateException(type.getSimpleName() + " has other components than CacheKey.Walker knows");
        }
    }

    private final Object[] parts; // the first length are the key
    private final int length;
    private final int hash;
    private final List<Object> sources;
    private final List<@Nullable Object> values;

    private CacheKey(Object[] parts, int length, List<Object> sources, List<@Nullable Object> values) {
        this.parts = parts;
        this.length = length;
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + parts[i].hashCode();
        }
        this.hash = h;
        this.sources = sources;
        this.values = values;
    }

    /**
     * Compiles a statement through an engine's cache: the cached text, binders and result columns of its shape with
     * its own values, or a compilation kept for the next statement of the shape.
     *
     * @param statement the statement
     * @param engineDialect the executing connection's dialect
     * @param cache the engine's cache
     * @return the compiled statement, with this statement's values
     */
    static CompiledStatement compile(ClauseElement statement, EngineDialect engineDialect, StatementCache cache) {
        Dialect dialect = Dialect.of(engineDialect);
        if (cache.maxSize() == 0) {
            return SqlCompiler.compile(statement, dialect);
        }
        CacheKey key = of(statement);
        if (key == null) {
            return SqlCompiler.compile(statement, dialect);
        }
        CompiledStatement template = cache.get(engineDialect, key);
        if (template != null) {
            return key.withValues(template);
        }
        SqlCompiler.Traced traced = SqlCompiler.compileTraced(statement, dialect);
        CompiledStatement made = key.template(traced);
        if (made != null) {
            cache.put(engineDialect, key.trimmed(), made);
        }
        return traced.statement();
    }

    /**
     * @param statement a statement
     * @return its key, or null when it has an element the walk does not know
     */
    static @Nullable CacheKey of(ClauseElement statement) {
        Walker walker = new Walker();
        try {
            walker.element(statement);
        } catch (Uncacheable e) {
            return null;
        }
        return new CacheKey(walker.parts, walker.size, walker.sources, walker.values);
    }

    /** @return this key without the spare room of its walk, to be kept */
    CacheKey trimmed() {
        return length == parts.length ? this : new CacheKey(Arrays.copyOf(parts, length), length, sources, values);
    }

    /** @return this statement's values in the order of the walk (SQLAlchemy's {@code extracted_parameters}) */
    List<@Nullable Object> values() {
        return values;
    }

    /**
     * The compilation of this statement as a template: each parameter a {@link BindParam} gave holds its place in the
     * walk instead of its value.
     *
     * @return the template, or null when a parameter cannot be traced (or one BindParam sits at two places of the
     *     walk, so that its place is ambiguous)
     */
    @Nullable
    CompiledStatement template(SqlCompiler.Traced traced) {
        if (!traced.complete()) {
            return null;
        }
        IdentityHashMap<Object, Integer> slots = new IdentityHashMap<>(sources.size() * 2);
        for (int i = 0; i < sources.size(); i++) {
            if (slots.put(sources.get(i), i) != null) {
                return null;
            }
        }
        CompiledStatement compiled = traced.statement();
        List<BoundParameter> parameters = compiled.parameters();
        List<BoundParameter> marked = new ArrayList<>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            BoundParameter p = parameters.get(i);
            Object source = traced.sources().get(i);
            if (source == null || !p.hasValue()) {
                marked.add(p); // its value, if any, is part of the key
                continue;
            }
            Integer slot = slots.get(source);
            if (slot == null) {
                return null;
            }
            marked.add(new BoundParameter(p.key(), new Slot(slot), true, p.binder()));
        }
        return new CompiledStatement(compiled.sql(), marked, compiled.columns());
    }

    /**
     * @param template a template of this key's shape
     * @return the template with this statement's values
     */
    CompiledStatement withValues(CompiledStatement template) {
        List<BoundParameter> parameters = template.parameters();
        BoundParameter[] bound = new BoundParameter[parameters.size()];
        for (int i = 0; i < bound.length; i++) {
            BoundParameter p = parameters.get(i);
            bound[i] = p.value() instanceof Slot slot
                    ? new BoundParameter(p.key(), values.get(slot.index), true, p.binder())
                    : p;
        }
        return new CompiledStatement(template.sql(), Arrays.asList(bound), template.columns());
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof CacheKey k
                && k.hash == hash
                && k.length == length
                && Arrays.equals(k.parts, 0, length, parts, 0, length);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "CacheKey" + Arrays.asList(parts).subList(0, length);
    }

    /** The place in the walk of the BindParam whose value a template's parameter takes. */
    private record Slot(int index) {}

    /** Thrown, without a stack trace, when the walk meets an element it does not know. */
    private static final class Uncacheable extends RuntimeException {
        Uncacheable() {
            super("uncacheable", null, false, false);
        }
    }

    /** The walk over a statement: the key's parts, and the values (with what gave them) in the order met. */
    static final class Walker {
        private Object[] parts = new Object[32];
        private int size;
        private final ArrayList<Object> sources = new ArrayList<>(4);
        private final ArrayList<@Nullable Object> values = new ArrayList<>(4);
        private @Nullable IdentityHashMap<TableClause, Integer> derived;

        /**
         * Adds a value the SQL depends on, compared with {@code equals}.
         *
         * @param value the value, possibly null
         */
        void add(@Nullable Object value) {
            if (size == parts.length) {
                parts = Arrays.copyOf(parts, size * 2);
            }
            parts[size++] = value == null ? NULL : value;
        }

        /**
         * Adds a value left out of the key, which a cached compilation takes from this statement.
         *
         * @param source what the compiler knows the value's parameter by (see {@link SqlCompiler#limitOffset})
         * @param value the value
         */
        void extracted(Object source, @Nullable Object value) {
            sources.add(source);
            values.add(value);
        }

        /**
         * Adds an element's shape.
         *
         * @param element the element, possibly null
         */
        void element(@Nullable ClauseElement element) {
            if (element == null) {
                add(NULL);
            } else if (element instanceof BindParam<?> p) {
                add(BindParam.class);
                add(p.name());
                add(p.type());
                add(p.anonymous());
                add(p.required());
                sources.add(p);
                values.add(p.value());
            } else if (element instanceof BinaryExpression<?> b) { // the common records, without reflection
                add(BinaryExpression.class);
                element(b.left());
                add(b.operator());
                element(b.right());
                add(b.type());
            } else if (element instanceof BooleanClauseList list) {
                add(BooleanClauseList.class);
                add(list.operator());
                elements(list.clauses());
            } else if (element instanceof OrderByElement o) {
                add(OrderByElement.class);
                element(o.element());
                add(o.ascending());
                add(o.nulls());
            } else if (element instanceof Label<?> label) {
                add(Label.class);
                element(label.element());
                add(label.name());
            } else if (element instanceof UnaryExpression<?> u) {
                add(UnaryExpression.class);
                element(u.element());
                add(u.prefix());
                add(u.suffix());
                add(u.type());
            } else if (element instanceof Not not) {
                add(Not.class);
                element(not.element());
            } else if (element instanceof FunctionCall<?> f) {
                add(FunctionCall.class);
                add(f.name());
                elements(f.arguments());
                add(f.type());
            } else if (element instanceof InList in) {
                if (in.values().size() > MAX_CACHED_IN_LIST) {
                    throw UNCACHEABLE;
                }
                add(InList.class);
                element(in.element());
                elements(in.values());
                add(in.negated());
            } else if (element instanceof Like like) {
                add(Like.class);
                element(like.element());
                element(like.pattern());
                add(like.caseInsensitive());
                add(like.negated());
                add(like.escape());
                add(like.leadingWildcard());
                add(like.trailingWildcard());
            } else if (element instanceof Between b) {
                add(Between.class);
                element(b.element());
                element(b.low());
                element(b.high());
                add(b.negated());
            } else if (element instanceof Join join) {
                add(Join.class);
                element(join.left());
                element(join.right());
                element(join.onclause());
                add(join.isOuter());
                add(join.full());
            } else if (element instanceof Select select) {
                select.addCacheKey(this);
            } else if (element instanceof ColumnClause<?> column) {
                column(column);
            } else if (element instanceof TableClause table) {
                table(table);
            } else if (element instanceof Case<?> c) {
                c.addCacheKey(this);
            } else if (element instanceof Record r
                    && element.getClass().getPackageName().equals(PACKAGE)) {
                record(r);
            } else {
                throw UNCACHEABLE;
            }
        }

        /**
         * Adds a list of elements.
         *
         * @param elements the elements
         */
        void elements(List<? extends ClauseElement> elements) {
            add(LIST);
            add(elements.size());
            for (ClauseElement e : elements) {
                element(e);
            }
        }

        private void record(Record r) {
            add(r.getClass());
            for (MethodHandle accessor : COMPONENTS.get(r.getClass())) {
                Object value;
                try {
                    value = (Object) accessor.invokeExact((Object) r);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
                component(value);
            }
        }

        private void component(@Nullable Object value) {
            if (value instanceof ClauseElement e) {
                element(e);
            } else if (value instanceof List<?> list) {
                add(LIST);
                add(list.size());
                for (Object o : list) {
                    component(o);
                }
            } else if (value instanceof Record r
                    && value.getClass().getPackageName().equals(PACKAGE)) {
                record(r); // e.g. a CASE's WHEN
            } else {
                add(value); // names, operators, types, flags: by equals
            }
        }

        private void column(ColumnClause<?> column) {
            TableClause table = column.table();
            if (table == null || table.isNamedTable()) {
                add(column); // by identity: a schema's columns outlive the statements that use them
                return;
            }
            // a column of an alias or subquery, which statements make anew: by name, and its table by its place
            add(column.getClass());
            add(column.name());
            add(column.type());
            table(table);
        }

        private void table(TableClause table) {
            if (table.isNamedTable()) {
                add(table); // by identity: sameTable() and the FROM list compare them so
                return;
            }
            IdentityHashMap<TableClause, Integer> seen = derived;
            if (seen == null) {
                seen = new IdentityHashMap<>();
                derived = seen;
            }
            Integer place = seen.get(table);
            if (place != null) {
                add(REFERENCE);
                add(place);
                return;
            }
            seen.put(table, seen.size());
            add(table.getClass());
            add(table.anonymousBase());
            add(table.name());
            if (table instanceof Alias alias) {
                table(alias.original());
            } else if (table instanceof Subquery subquery) {
                element(subquery.select());
            } else {
                throw UNCACHEABLE; // a CTE (named by its root), VALUES
            }
        }
    }
}
