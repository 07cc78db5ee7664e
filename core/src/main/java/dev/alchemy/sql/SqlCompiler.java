package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.SqlWriter;
import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.ResultColumn;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.types.BooleanType;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a statement into SQL text with {@code ?} placeholders and its bound parameters, for one dialect. One compiler
 * renders one statement; elements call back into it ({@link ClauseElement#compileTo(SqlCompiler)}).
 *
 * <p>What the compiler keeps while it renders: the generated names ({@code name_1} for bound values, {@code count_1}
 * and {@code anon_1} for labels, {@code users_1} for unnamed aliases), the FROM lists of the enclosing statements (a
 * nested SELECT leaves their tables out of its own FROM: correlation), and the CTEs met on the way (written as one
 * WITH clause at the start).
 *
 * <p>Compiling is a pure function of the statement and the dialect, and every bound parameter is emitted in the order
 * of a fixed walk over the statement, the same for all statements of one shape. That is what the engine's cache of
 * compiled SQL per statement shape ({@link CacheKey}) relies on: the text, binders and result columns of the first
 * compilation, and the values of each new statement put at the places the first one's values had.
 */
public final class SqlCompiler implements SqlWriter {

    private record CteDefinition(String sql, List<BoundParameter> parameters, List<@Nullable Object> sources) {}

    /**
     * A compilation and, per parameter, the {@link BindParam} it rendered (null for a value the statement's structure
     * gives, such as a LIMIT): what a {@link CacheKey} needs to give the compiled form another statement's values.
     */
    record Traced(CompiledStatement statement, List<@Nullable Object> sources, boolean complete) {}

    /** Stand-ins for a LIMIT and an OFFSET, to see where a dialect binds them; no one pages this far. */
    private static final Integer LIMIT_PROBE = 1_000_000_007;

    private static final Integer OFFSET_PROBE = 1_000_000_009;

    private final Dialect dialect;
    private final StringBuilder sql = new StringBuilder(256);
    private final ArrayList<BoundParameter> parameters = new ArrayList<>();
    // when tracing: per parameter the BindParam it came from, or null
    private @Nullable ArrayList<@Nullable Object> sources;
    // when tracing: false once a parameter's source could not be told
    private boolean traceComplete = true;
    private final HashMap<String, Integer> anonymousCounts = new HashMap<>();
    private @Nullable IdentityHashMap<Object, String> anonymousNames;
    private @Nullable List<ResultColumn> resultColumns;
    private boolean qualifyColumns = true;
    private int depth;
    private boolean labelAll;

    // tables of the FROM lists of the statements being rendered, innermost last; a FROM subquery starts a new floor
    private final ArrayList<TableClause> scopeTables = new ArrayList<>();
    private int scopeFloor;

    private @Nullable LinkedHashMap<Cte, CteDefinition> ctes;
    private @Nullable Set<Cte> ctesInProgress;
    private boolean recursiveCtes;

    private SqlCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Compiles a statement.
     *
     * @param statement the statement
     * @param dialect the dialect
     * @return the SQL text, parameters and result columns
     */
    public static CompiledStatement compile(ClauseElement statement, Dialect dialect) {
        Objects.requireNonNull(statement, "statement");
        SqlCompiler compiler = new SqlCompiler(Objects.requireNonNull(dialect, "dialect"));
        compiler.visit(statement);
        return compiler.result();
    }

    /**
     * Compiles a statement, noting which {@link BindParam} gave each parameter.
     *
     * @param statement the statement
     * @param dialect the dialect
     * @return the compiled statement and its parameters' sources
     */
    static Traced compileTraced(ClauseElement statement, Dialect dialect) {
        SqlCompiler compiler = new SqlCompiler(dialect);
        ArrayList<@Nullable Object> own = new ArrayList<>();
        compiler.sources = own;
        compiler.visit(statement);
        CompiledStatement result = compiler.result();
        LinkedHashMap<Cte, CteDefinition> definitions = compiler.ctes;
        if (definitions == null || definitions.isEmpty()) {
            return new Traced(result, own, compiler.traceComplete);
        }
        List<@Nullable Object> all = new ArrayList<>(result.parameters().size());
        for (CteDefinition d : definitions.values()) {
            all.addAll(d.sources);
        }
        all.addAll(own);
        return new Traced(result, all, compiler.traceComplete);
    }

    /**
     * The SQL of an element or statement as SQLite would run it, with {@code ?} placeholders: what {@code toString()}
     * of statements and expressions shows. A statement that cannot compile shows why.
     *
     * @param element the element
     * @return the SQL text
     */
    public static String toSql(ClauseElement element) {
        try {
            return compile(element, DefaultDialect.SQLITE).sql();
        } catch (RuntimeException e) {
            return "<" + element.getClass().getSimpleName() + " that cannot compile: " + e.getMessage() + ">";
        }
    }

    /** The dialect {@code toString()} compiles for, resolved once. */
    private static final class DefaultDialect {
        static final Dialect SQLITE = Dialect.of(EngineDialect.forName("sqlite"));
    }

    private CompiledStatement result() {
        if (ctes == null || ctes.isEmpty()) {
            return new CompiledStatement(sql.toString(), parameters, resultColumns);
        }
        StringBuilder text = new StringBuilder(sql.length() + 64);
        List<BoundParameter> all = new ArrayList<>(parameters.size() + 4);
        text.append(recursiveCtes ? "WITH RECURSIVE " : "WITH ");
        int i = 0;
        for (CteDefinition d : ctes.values()) {
            if (i++ > 0) {
                text.append(", \n");
            }
            text.append(d.sql);
            all.addAll(d.parameters);
        }
        text.append("\n ").append(sql);
        all.addAll(parameters);
        return new CompiledStatement(text.toString(), all, resultColumns);
    }

    /** @return the dialect this compiler renders for */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Renders an element.
     *
     * @param element the element
     */
    public void visit(ClauseElement element) {
        element.compileTo(this);
    }

    // ---- expressions ----

    /**
     * Renders an expression as the operand of a comparison, parenthesised when it binds more loosely (a list of
     * conditions, an arithmetic or string expression).
     *
     * @param element the operand
     */
    public void operand(ColumnElement<?> element) {
        operand(element, "=");
    }

    /**
     * Renders an expression as the operand of an operator, parenthesised by precedence as SQLAlchemy does: {@code
     * (a - b) - c}, {@code (a + b) * c}, but {@code a + b + c}.
     *
     * @param element the operand
     * @param operator the operator it stands under, e.g. {@code +}, {@code =}, {@code AND}
     */
    public void operand(ColumnElement<?> element, String operator) {
        boolean parens = Precedence.needsGrouping(element, operator);
        if (parens) {
            sql.append('(');
        }
        visit(element);
        if (parens) {
            sql.append(')');
        }
    }

    /**
     * Renders an expression where a condition is expected (WHERE, HAVING, ON, AND/OR, CASE WHEN). Without native
     * booleans a boolean column alone is written {@code col = 1} and a constant {@code 1 = 1}, as SQLAlchemy does on
     * SQLite.
     *
     * @param element the condition
     */
    public void condition(ColumnElement<?> element) {
        if (!dialect.supportsNativeBoolean()) {
            if (element instanceof ColumnClause<?> c && c.type() instanceof BooleanType) {
                visit(c);
                sql.append(" = ").append(dialect.booleanLiteral(true));
                return;
            }
            if (element instanceof BooleanConstant constant) {
                sql.append(constant.value() ? "1 = 1" : "1 != 1");
                return;
            }
        }
        visit(element);
    }

    @Override
    public SqlCompiler append(String text) {
        sql.append(text);
        return this;
    }

    @Override
    public SqlCompiler bind(String key, @Nullable Object value, @Nullable SqlType<?> type) {
        return addParameter(key, value, true, type);
    }

    @Override
    public SqlCompiler bindAnonymous(String base, @Nullable Object value, @Nullable SqlType<?> type) {
        return addParameter(base + "_" + nextAnonymous(base), value, true, type);
    }

    private SqlCompiler addParameter(String key, @Nullable Object value, boolean hasValue, @Nullable SqlType<?> type) {
        ValueBinder binder = type == null ? null : dialect.binder(type);
        parameters.add(new BoundParameter(key, value, hasValue, binder));
        if (sources != null) {
            sources.add(null);
        }
        sql.append('?');
        return this;
    }

    /**
     * @param type a value's type, or null when not known
     * @return the dialect's binder for it, or null for the dialect's default
     */
    @Nullable
    ValueBinder binderFor(@Nullable SqlType<?> type) {
        return type == null ? null : dialect.binder(type);
    }

    /**
     * Renders a bound value whose binder was looked up already ({@link #binderFor}): what {@link #bindParam} does for
     * {@code BindParam.named(key, value, type)}, without the objects, for the many values of a multi-row INSERT.
     *
     * @param key the parameter's key
     * @param value the value
     * @param binder its binder, or null for the dialect's default
     */
    void bindValue(String key, @Nullable Object value, @Nullable ValueBinder binder) {
        parameters.add(new BoundParameter(key, value, true, binder));
        if (sources != null) {
            sources.add(null);
        }
        sql.append('?');
    }

    /**
     * Makes room for parameters about to be added.
     *
     * @param more how many
     */
    void expectParameters(int more) {
        parameters.ensureCapacity(parameters.size() + more);
    }

    /**
     * Renders LIMIT and OFFSET as the dialect writes them. When tracing, the dialect is first asked to write stand-in
     * values, so that the parameters it binds for them are known as the LIMIT's and the OFFSET's, whatever their order
     * (MySQL writes the offset first); a value it writes into the text, or drops, leaves the trace incomplete.
     *
     * @param limit the limit, or null
     * @param limitSource what the LIMIT's parameter comes from, for the trace
     * @param offset the offset, or null
     * @param offsetSource what the OFFSET's parameter comes from, for the trace
     */
    void limitOffset(
            @Nullable Integer limit,
            @Nullable Object limitSource,
            @Nullable Integer offset,
            @Nullable Object offsetSource) {
        ArrayList<@Nullable Object> traced = sources;
        if (traced == null) {
            dialect.renderLimitOffset(this, limit, offset);
            return;
        }
        List<@Nullable Object> probed = new ArrayList<>(2);
        dialect.renderLimitOffset(
                new SqlWriter() {
                    @Override
                    public SqlWriter append(String text) {
                        return this;
                    }

                    @Override
                    public SqlWriter bind(String key, @Nullable Object value, @Nullable SqlType<?> type) {
                        probed.add(
                                LIMIT_PROBE.equals(value)
                                        ? limitSource
                                        : OFFSET_PROBE.equals(value) ? offsetSource : null);
                        return this;
                    }
                },
                limit == null ? null : LIMIT_PROBE,
                offset == null ? null : OFFSET_PROBE);
        int first = parameters.size();
        dialect.renderLimitOffset(this, limit, offset);
        int bound = parameters.size() - first;
        if (bound != probed.size()
                || (limit != null && !probed.contains(limitSource))
                || (offset != null && !probed.contains(offsetSource))) {
            traceComplete = false;
            return;
        }
        for (int i = 0; i < bound; i++) {
            traced.set(first + i, probed.get(i));
        }
    }

    /**
     * Renders a bound parameter; an anonymous one is keyed {@code name_1}, {@code name_2}, ... in order.
     *
     * @param param the parameter
     */
    public void bindParam(BindParam<?> param) {
        String key = param.name();
        if (param.anonymous()) {
            key = key + "_" + nextAnonymous(key);
        }
        addParameter(key, param.value(), !param.required(), param.type());
        if (sources != null) {
            sources.set(sources.size() - 1, param);
        }
    }

    /**
     * Allocates the next generated name for a base: {@code base_1}, {@code base_2}, ... Bound parameters, labels and
     * unnamed aliases share the numbering, as in SQLAlchemy.
     *
     * @param base the base, e.g. {@code name}, {@code anon}
     * @return the number
     */
    public int nextAnonymous(String base) {
        return anonymousCounts.merge(base, 1, Integer::sum);
    }

    /**
     * Marks numbers up to {@code number} of a base as taken (a label {@code count_1} rendered before the parameters
     * that follow it).
     *
     * @param base the base
     * @param number the number taken
     */
    public void reserveAnonymous(String base, int number) {
        anonymousCounts.merge(base, number, Math::max);
    }

    // ---- tables and columns ----

    /**
     * Renders a column, qualified by its table unless the statement's context forbids it (INSERT column lists,
     * UPDATE SET, RETURNING on SQLite, a compound's ORDER BY).
     *
     * @param column the column
     */
    public void column(ColumnClause<?> column) {
        TableClause table = column.table();
        if (qualifyColumns && table != null) {
            table(table);
            sql.append('.');
        }
        sql.append(quote(column.name()));
    }

    /**
     * Renders a table's name as columns are qualified with it: schema-qualified for a table, the alias for an alias,
     * subquery or CTE.
     *
     * @param table the table
     */
    public void table(TableClause table) {
        String schema = table.schema();
        if (schema != null) {
            sql.append(quote(schema)).append('.');
        }
        sql.append(quote(nameOf(table)));
    }

    /**
     * The name of a table, alias, subquery or CTE in this statement; an unnamed one gets {@code anon_1} (or {@code
     * users_1} for an alias of {@code users}), the same at each use.
     *
     * @param table the FROM clause
     * @return its name, unquoted
     */
    public String nameOf(TableClause table) {
        String base = table.anonymousBase();
        if (base == null) {
            return table.name();
        }
        Object identity = table instanceof Cte cte ? cte.root() : table;
        if (anonymousNames == null) {
            anonymousNames = new IdentityHashMap<>();
        }
        String name = anonymousNames.get(identity);
        if (name == null) {
            name = base + "_" + nextAnonymous(base);
            anonymousNames.put(identity, name);
        }
        return name;
    }

    /**
     * @param identifier a name
     * @return it quoted as the dialect requires
     */
    public String quote(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }

    /**
     * Renders with columns unqualified while running the action (INSERT column lists, UPDATE SET, RETURNING).
     *
     * @param action what to render
     */
    public void unqualified(Runnable action) {
        boolean before = setQualifyColumns(false);
        try {
            action.run();
        } finally {
            qualifyColumns = before;
        }
    }

    /**
     * Sets whether columns are qualified by their table.
     *
     * @param qualify the new setting
     * @return the previous setting, to restore
     */
    public boolean setQualifyColumns(boolean qualify) {
        boolean before = qualifyColumns;
        qualifyColumns = qualify;
        return before;
    }

    // ---- statements ----

    /**
     * Declares the columns the statement returns, so rows come back typed and keyed by these names. Only the
     * outermost statement's declaration counts.
     *
     * @param columns the selected expressions and their keys
     */
    public void declareResultColumns(List<ResultColumn> columns) {
        if (resultColumns == null && depth <= 1) {
            resultColumns = List.copyOf(columns);
        }
    }

    /**
     * The result column for a selected expression: its key and the dialect's reader for its type.
     *
     * @param key the row key
     * @param type the type, or null
     * @return the result column
     */
    public ResultColumn resultColumn(String key, @Nullable SqlType<?> type) {
        return new ResultColumn(key, type == null ? null : dialect.reader(type));
    }

    /**
     * Enters a statement (SELECT, INSERT, ...); pair with {@link #exitStatement()}.
     *
     * @return true for the outermost statement, which declares the result columns
     */
    public boolean enterStatement() {
        return ++depth == 1;
    }

    /** @return whether the statement being rendered is inside another one (a subquery, a CTE, a scalar SELECT) */
    boolean nested() {
        return depth > 1;
    }

    /** Leaves the statement entered last. */
    public void exitStatement() {
        depth--;
    }

    boolean takeLabelAll() {
        boolean value = labelAll;
        labelAll = false;
        return value;
    }

    void setLabelAll(boolean value) {
        labelAll = value;
    }

    /**
     * Renders the SELECT of a subquery or CTE: every column labelled, and no correlation to the statements outside.
     *
     * @param select the SELECT
     */
    void subqueryBody(SelectStatement select) {
        int savedFloor = scopeFloor;
        scopeFloor = scopeTables.size();
        labelAll = true;
        visit(select);
        labelAll = false;
        scopeFloor = savedFloor;
    }

    /**
     * Leaves out of a nested SELECT's FROM list the tables of the enclosing statements (SQLAlchemy's
     * auto-correlation), unless that would leave nothing.
     *
     * @param froms the SELECT's own FROM list
     * @return the FROM list to render
     */
    List<FromClause> correlate(List<FromClause> froms) {
        if (scopeTables.size() == scopeFloor) {
            return froms;
        }
        List<FromClause> kept = null;
        for (int i = 0; i < froms.size(); i++) {
            FromClause f = froms.get(i);
            if (f instanceof TableClause t && inScope(t)) {
                if (kept == null) {
                    kept = new ArrayList<>(froms.subList(0, i));
                }
            } else if (kept != null) {
                kept.add(f);
            }
        }
        return kept == null || kept.isEmpty() ? froms : kept;
    }

    private boolean inScope(TableClause table) {
        for (int i = scopeFloor; i < scopeTables.size(); i++) {
            if (TableClause.sameTable(scopeTables.get(i), table)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes a statement's FROM clauses visible to the SELECTs nested in it, for correlation.
     *
     * @param froms the FROM clauses
     * @return the mark to give {@link #popFroms(int)}
     */
    int pushFroms(List<? extends FromClause> froms) {
        int mark = scopeTables.size();
        for (FromClause f : froms) {
            if (f instanceof TableClause t) {
                scopeTables.add(t);
            } else {
                scopeTables.addAll(Join.tablesOf(f));
            }
        }
        return mark;
    }

    void popFroms(int mark) {
        while (scopeTables.size() > mark) {
            scopeTables.remove(scopeTables.size() - 1);
        }
    }

    /**
     * Adds a CTE's definition to the WITH clause, once, rendering it aside (its parameters go before the statement's).
     * A CTE used inside its own definition (recursion) is only named.
     *
     * @param cte the CTE
     */
    void registerCte(Cte cte) {
        Cte root = cte.root();
        if (ctes == null) {
            ctes = new LinkedHashMap<>();
            ctesInProgress = new HashSet<>();
        }
        if (ctes.containsKey(root) || Objects.requireNonNull(ctesInProgress).contains(root)) {
            return;
        }
        ctesInProgress.add(root);
        int start = sql.length();
        int firstParameter = parameters.size();
        boolean qualify = setQualifyColumns(true);
        sql.append(quote(nameOf(cte)));
        if (cte.isRecursive()) {
            recursiveCtes = true;
            sql.append('(');
            List<? extends ColumnClause<?>> columns = cte.columns();
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.append(quote(columns.get(i).name()));
            }
            sql.append(')');
        }
        sql.append(" AS \n(");
        subqueryBody(cte.select());
        sql.append(')');
        qualifyColumns = qualify;
        String text = sql.substring(start);
        List<BoundParameter> own = new ArrayList<>(parameters.subList(firstParameter, parameters.size()));
        List<@Nullable Object> ownSources = List.of();
        if (sources != null) {
            ownSources = new ArrayList<>(sources.subList(firstParameter, sources.size()));
            sources.subList(firstParameter, sources.size()).clear();
        }
        sql.setLength(start);
        parameters.subList(firstParameter, parameters.size()).clear();
        ctesInProgress.remove(root);
        ctes.put(root, new CteDefinition(text, own, ownSources));
    }

    /**
     * Checks that the dialect can return rows from a DML statement and declares them as the result columns.
     *
     * @param top whether the statement is the outermost one
     * @param returning the RETURNING expressions, possibly none
     * @param verb {@code INSERT INTO}, {@code UPDATE}, {@code DELETE FROM}, for the message
     * @param table the statement's table, for the message
     * @return the names of the returned columns, or null when there is no RETURNING
     * @throws dev.alchemy.exc.CompileError when the dialect has no RETURNING
     */
    @Nullable
    ColumnNames prepareReturning(boolean top, List<ColumnElement<?>> returning, String verb, TableClause table) {
        if (returning.isEmpty()) {
            return null;
        }
        if (!dialect.supportsReturning() || (verb.equals("UPDATE") && !dialect.supportsUpdateReturning())) {
            throw new dev.alchemy.exc.CompileError("RETURNING is not supported by the " + dialect.name() + " dialect ("
                    + verb + " " + table.name() + ")");
        }
        ColumnNames names = ColumnNames.of(returning);
        if (top) {
            declareResultColumns(names.resultColumns(returning, dialect));
        }
        return names;
    }

    /**
     * Renders a RETURNING clause: {@code RETURNING id}, labelling expressions as a SELECT does. Columns are qualified
     * ({@code RETURNING users.id}) only when the statement names other tables (UPDATE ... FROM), where a bare name
     * could be ambiguous, and the dialect allows it; SQLAlchemy qualifies them always on PostgreSQL, but one text for
     * both databases is what the ORM's statements (and their tests) rely on.
     *
     * @param returning the returned expressions
     * @param names their names
     * @param otherTables whether the statement names tables besides its target
     */
    void returning(List<ColumnElement<?>> returning, ColumnNames names, boolean otherTables) {
        sql.append(" RETURNING ");
        boolean before = setQualifyColumns(otherTables && dialect.qualifiesReturningColumns());
        for (int i = 0; i < returning.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            names.reserve(this, i);
            visit(returning.get(i));
            String label = names.label(i, false);
            if (label != null) {
                sql.append(" AS ").append(quote(label));
            }
        }
        qualifyColumns = before;
    }

    /** @return the SQL rendered so far, for messages */
    @Override
    public String toString() {
        return sql.toString();
    }
}
