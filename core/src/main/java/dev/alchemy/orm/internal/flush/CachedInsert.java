package dev.alchemy.orm.internal.flush;

import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.StatementCache;
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
import java.util.Objects;

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
     * Where a parameter of the compiled template takes its value from: a row of the batch and a column of the shape
     * ({@code -1}: the row's number, the sen_counter of the ordered form). The template is compiled with one slot as
     * each value, so its parameters say which is which, and it can be kept in the engine's {@link StatementCache}.
     */
    private static final class Slot {
        final int row;
        final int column;

        Slot(int row, int column) {
            this.row = row;
            this.column = column;
        }

        @Override
        public String toString() {
            return "row " + row + ", column " + column;
        }
    }

    private final Table table;
    private final List<Attribute> columns;
    private final List<Attribute> returned;
    private final List<InstanceState> batch;
    private final boolean ordered;

    public CachedInsert(
            Table table,
            List<Attribute> columns,
            List<Attribute> returned,
            List<InstanceState> batch,
            boolean ordered) {
        this.table = table;
        this.columns = columns;
        this.returned = returned;
        this.batch = batch;
        this.ordered = ordered;
    }

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        return compile(dialect, StatementCache.ofSize(0));
    }

    /**
     * Compiles the INSERT once per shape in the executing engine's cache (a flush of many objects compiles its
     * 1,000-row statement once, not per batch), then gives the template this batch's values.
     */
    @Override
    public CompiledStatement compile(EngineDialect dialect, StatementCache cache) {
        InsertShape shape = new InsertShape(
                table,
                columns.stream().map(a -> a.columnName).toList(),
                returned.stream().map(a -> a.columnName).toList(),
                batch.size(),
                dialect,
                ordered);
        CompiledStatement template = cache.get(dialect, shape);
        if (template == null) {
            template = template(shape);
            cache.put(dialect, shape, template);
        }
        List<BoundParameter> placeholders = template.parameters();
        List<BoundParameter> parameters = new ArrayList<>(placeholders.size());
        Object[][] rows = new Object[batch.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = batch.get(r).inserting();
        }
        for (BoundParameter placeholder : placeholders) {
            Slot slot = (Slot) Objects.requireNonNull(placeholder.value());
            Object value = slot.column < 0 ? Integer.valueOf(slot.row) : rows[slot.row][columns.get(slot.column).index];
            parameters.add(new BoundParameter(placeholder.key(), value, true, placeholder.binder()));
        }
        return new CompiledStatement(template.sql(), parameters, template.columns());
    }

    /** Compiles the shape with a {@link Slot} as each value, to learn which parameter is which. */
    private CompiledStatement template(InsertShape shape) {
        List<Map<String, Object>> values = new ArrayList<>(shape.rows());
        for (int r = 0; r < shape.rows(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                row.put(columns.get(c).columnName, new Slot(r, c));
            }
            if (shape.ordered()) {
                row.put("sen_counter", new Slot(r, -1));
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
        for (BoundParameter p : statement.parameters()) {
            if (!(p.value() instanceof Slot)) {
                throw new IllegalStateException(
                        "the INSERT of " + table.fullName() + " has a parameter that is not a column value: " + p);
            }
        }
        return statement;
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
            selected[i] = values.c("p" + i).cast((SqlType) Objects.requireNonNull(types.get("p" + i)));
        }
        Select select = Select.of(selected).selectFrom(values).orderBy(values.c("sen_counter"));
        return Insert.into(table)
                .fromSelect(columns.stream().map(a -> a.columnName).toList(), select);
    }
}
