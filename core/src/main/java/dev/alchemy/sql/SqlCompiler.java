package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.SqlWriter;
import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.ResultColumn;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a statement into SQL text with {@code ?} placeholders and its bound parameters, for one dialect. One
 * compiler renders one statement; elements call back into it ({@link ClauseElement#compileTo(SqlCompiler)}).
 */
public final class SqlCompiler implements SqlWriter {

    private final Dialect dialect;
    private final StringBuilder sql = new StringBuilder(128);
    private final List<BoundParameter> parameters = new ArrayList<>();
    private final Map<String, Integer> anonymousCounts = new HashMap<>();
    private @Nullable List<ResultColumn> resultColumns;
    private boolean qualifyColumns = true;

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
        return new CompiledStatement(compiler.sql.toString(), compiler.parameters, compiler.resultColumns);
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

    /**
     * Renders an expression as the operand of an operator, parenthesised when it is itself a list of conditions.
     *
     * @param element the operand
     */
    public void operand(ColumnElement<?> element) {
        boolean parens = element instanceof BooleanClauseList || element instanceof Select.ScalarSelect<?>;
        if (parens) {
            sql.append('(');
        }
        visit(element);
        if (parens) {
            sql.append(')');
        }
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

    private SqlCompiler addParameter(String key, @Nullable Object value, boolean hasValue, @Nullable SqlType<?> type) {
        ValueBinder binder = type == null ? null : dialect.binder(type);
        parameters.add(new BoundParameter(key, value, hasValue, binder));
        sql.append('?');
        return this;
    }

    /**
     * Renders a bound parameter.
     *
     * @param param the parameter
     */
    public void bindParam(BindParam<?> param) {
        String key = param.name();
        if (param.anonymous()) {
            int n = anonymousCounts.merge(key, 1, Integer::sum);
            key = key + "_" + n;
        }
        addParameter(key, param.value(), !param.required(), param.type());
    }

    /**
     * Renders a column, qualified by its table unless the statement's context forbids it (INSERT column lists,
     * UPDATE SET, RETURNING).
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
     * Renders a table's (schema-qualified) name.
     *
     * @param table the table
     */
    public void table(TableClause table) {
        if (table.schema() != null) {
            sql.append(quote(table.schema())).append('.');
        }
        sql.append(quote(table.name()));
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
        boolean before = qualifyColumns;
        qualifyColumns = false;
        try {
            action.run();
        } finally {
            qualifyColumns = before;
        }
    }

    /**
     * Declares the columns the statement returns, so rows come back typed and keyed by these names. Only the
     * outermost statement's declaration counts.
     *
     * @param columns the selected expressions and their keys
     */
    public void declareResultColumns(List<ResultColumn> columns) {
        if (resultColumns == null) {
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
}
