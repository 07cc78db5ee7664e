package dev.alchemy.orm.internal.flush;

import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.Select;
import dev.alchemy.sql.Values;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A multi-row {@code INSERT ... VALUES (...), (...) RETURNING ...} of a batch of new objects, compiled once per
 * shape and dialect through the SQL expression language (exactly the statement {@code Insert.values(rows)}
 * writes) and then given each batch's values by position. The ordered form is SQLAlchemy 2.0's batched INSERT for
 * PostgreSQL: {@code INSERT INTO t (a, b) SELECT CAST(p0 AS ..), CAST(p1 AS ..) FROM (VALUES (?, ?, 0), (?, ?,
 * 1), ...) AS imp_sen (p0, p1, sen_counter) ORDER BY sen_counter RETURNING ...}. The database generates the keys
 * in the order of sen_counter, so the returned keys, sorted, belong to the rows in their order (the RETURNING rows
 * themselves come in no promised order). The casts give the VALUES columns the table's types, as parameters sent
 * untyped would otherwise be text.
 */
final class CachedInsert implements Executable {

    /**
     * The shape of a flush's multi-row INSERT: which table, columns, returned columns, rows, for which dialect, and
     * whether it is the ordered INSERT ... SELECT form.
     */
    record InsertShape(
            Table table,
            List<String> columns,
            List<String> returned,
            int rows,
            EngineDialect dialect,
            boolean ordered) {}

    /**
     * A compiled INSERT of one shape, and where each of its parameters takes its value from: row and column.
     *
     * @param statement the statement as compiled, with placeholder values
     * @param row for each parameter, the row it belongs to
     * @param column for each parameter, the index of its column in the shape's columns; -1 for the row's number
     *     (the sen_counter of the ordered form)
     */
    record InsertTemplate(CompiledStatement statement, int[] row, int[] column) {}

    /** Compiled INSERTs by shape: a flush of many objects compiles its 1,000-row statement once, not per batch. */
    static final Map<InsertShape, InsertTemplate> INSERTS = new ConcurrentHashMap<>();

    private final Table table;
    private final List<Attribute> columns;
    private final List<Attribute> returned;
    private final List<InstanceState> batch;
    private final Map<InstanceState, Object[]> valuesOf;
    private final boolean ordered;

    public CachedInsert(
            Table table,
            List<Attribute> columns,
            List<Attribute> returned,
            List<InstanceState> batch,
            Map<InstanceState, Object[]> valuesOf,
            boolean ordered) {
        this.table = table;
        this.columns = columns;
        this.returned = returned;
        this.batch = batch;
        this.valuesOf = valuesOf;
        this.ordered = ordered;
    }

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        InsertShape shape = new InsertShape(
                table,
                columns.stream().map(a -> a.columnName).toList(),
                returned.stream().map(a -> a.columnName).toList(),
                batch.size(),
                dialect,
                ordered);
        InsertTemplate template = INSERTS.get(shape);
        if (template == null) {
            if (INSERTS.size() > 256) {
                INSERTS.clear(); // many engines or shapes (tests): start again rather than grow
            }
            template = template(shape);
            INSERTS.put(shape, template);
        }
        List<BoundParameter> placeholders = template.statement().parameters();
        List<BoundParameter> parameters = new ArrayList<>(placeholders.size());
        Object[][] rows = new Object[batch.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = valuesOf.get(batch.get(r));
        }
        for (int p = 0; p < placeholders.size(); p++) {
            BoundParameter placeholder = placeholders.get(p);
            int row = template.row()[p];
            int column = template.column()[p];
            Object value = column < 0 ? Integer.valueOf(row) : rows[row][columns.get(column).index];
            parameters.add(new BoundParameter(placeholder.key(), value, true, placeholder.binder()));
        }
        return new CompiledStatement(
                template.statement().sql(), parameters, template.statement().columns());
    }

    /** Compiles the shape with a distinct marker object as each value, to learn which parameter is which. */
    private InsertTemplate template(InsertShape shape) {
        Map<Object, int[]> where = new java.util.IdentityHashMap<>();
        List<Map<String, Object>> values = new ArrayList<>(shape.rows());
        for (int r = 0; r < shape.rows(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                Object marker = new Object();
                where.put(marker, new int[] {r, c});
                row.put(columns.get(c).columnName, marker);
            }
            if (shape.ordered()) {
                Object marker = new Object();
                where.put(marker, new int[] {r, -1});
                row.put("sen_counter", marker);
            }
            values.add(row);
        }
        Insert insert;
        if (shape.ordered()) {
            insert = orderedInsert(values);
        } else {
            insert = shape.rows() == 1
                    ? Insert.into(table).values(values.get(0))
                    : Insert.into(table).values(values);
        }
        ColumnElement<?>[] returning =
                returned.stream().map(a -> table.c(a.columnName)).toArray(ColumnElement[]::new);
        CompiledStatement statement = insert.returning(returning).compile(shape.dialect());
        int n = statement.parameters().size();
        int[] row = new int[n];
        int[] column = new int[n];
        for (int p = 0; p < n; p++) {
            int[] at = where.get(statement.parameters().get(p).value());
            if (at == null) {
                throw new IllegalStateException(
                        "the INSERT of " + table.fullName() + " has a parameter that is not a column value: "
                                + statement.parameters().get(p));
            }
            row[p] = at[0];
            column[p] = at[1];
        }
        return new InsertTemplate(statement, row, column);
    }

    /** {@code INSERT INTO t (a, b) SELECT CAST(imp_sen.p0 AS ..), ... ORDER BY imp_sen.sen_counter}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Insert orderedInsert(List<Map<String, Object>> rows) {
        Map<String, SqlType<?>> types = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            types.put("p" + i, Inserts.column(table, columns.get(i)).type());
        }
        types.put("sen_counter", dev.alchemy.types.SqlTypes.INTEGER);
        List<List<Object>> data = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            data.add(new ArrayList<>(row.values()));
        }
        Values values = Values.of("imp_sen", types).data(data);
        ColumnElement<?>[] selected = new ColumnElement<?>[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            selected[i] = values.c("p" + i).cast((SqlType) types.get("p" + i));
        }
        Select select = Select.of(selected).selectFrom(values).orderBy(values.c("sen_counter"));
        return Insert.into(table)
                .fromSelect(columns.stream().map(a -> a.columnName).toList(), select);
    }
}
