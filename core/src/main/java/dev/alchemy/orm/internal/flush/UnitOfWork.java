package dev.alchemy.orm.internal.flush;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Conversions;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.AlchemyException;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.relationships.Relationships;
import dev.alchemy.orm.internal.session.SessionImpl;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.BindParam;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.Select;
import dev.alchemy.sql.Update;
import dev.alchemy.sql.Values;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One flush: INSERTs parents first, UPDATEs, then DELETEs children first, each batched. New rows of one class go in
 * one statement per batch with RETURNING, and the generated keys are matched to objects only in a way the database
 * guarantees: on PostgreSQL by SQLAlchemy 2.0's {@code INSERT ... SELECT ... FROM (VALUES ...) ORDER BY sen_counter},
 * whose sequence values ascend in row order (concurrent sessions may take values in between); elsewhere by a plain
 * multi-row VALUES whose returned keys must be consecutive (SQLite's rowids are, for one statement), or else the
 * batch is undone and its rows inserted one at a time. A key the database makes by a server default (a random UUID)
 * cannot be matched by order: such rows go one per statement. UPDATEs with the same changed columns go in one
 * executemany, DELETEs likewise; a version column or a missing row makes the matched count fall short, which raises
 * {@link StaleDataError}.
 */
public final class UnitOfWork {

    /** Rows per multi-row INSERT: SQLAlchemy's insertmanyvalues batch size, capped by SQLite's 32766 parameters. */
    private static final int BATCH_ROWS = 1000;

    private static final int MAX_PARAMETERS = 32000;

    private final SessionImpl session;
    private final List<InstanceState> inserted = new ArrayList<>();

    public UnitOfWork(SessionImpl session) {
        this.session = session;
    }

    private record Change(InstanceState state, int[] changed, Object[] current) {}

    /** The indexes of the attributes an UPDATE sets, compared by content. */
    private record ChangedColumns(int[] indexes) {
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof ChangedColumns other && Arrays.equals(indexes, other.indexes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(indexes);
        }

        @Override
        public String toString() {
            return Arrays.toString(indexes);
        }
    }

    public void run(
            List<InstanceState> pending,
            List<InstanceState> persistent,
            List<InstanceState> deleted,
            List<InstanceState> all) {
        Map<Mapper<?>, List<InstanceState>> inserts = byMapper(pending);
        Map<Mapper<?>, List<InstanceState>> saved = byMapper(persistent);
        Map<Mapper<?>, List<InstanceState>> deletes = byMapper(deleted);
        Set<Mapper<?>> involved = new LinkedHashSet<>(inserts.keySet());
        involved.addAll(saved.keySet());
        involved.addAll(deletes.keySet());
        if (inserts.isEmpty() && deletes.isEmpty() && !anyChange(persistent, all)) {
            return;
        }
        Set<Attribute> postKeys = FlushOrder.postUpdateKeys(involved);
        List<List<Mapper<?>>> groups = FlushOrder.groups(involved, postKeys);
        // every order is settled before the first statement, so a cycle is refused with nothing written
        List<List<List<InstanceState>>> insertLevels = new ArrayList<>(groups.size());
        List<List<List<InstanceState>>> deleteLevels = new ArrayList<>(groups.size());
        for (List<Mapper<?>> group : groups) {
            insertLevels.add(levels(group, inserts));
            deleteLevels.add(levels(group, deletes));
        }
        for (int g = 0; g < groups.size(); g++) {
            List<Mapper<?>> group = groups.get(g);
            Mapper<?> m = group.get(0);
            try {
                for (Mapper<?> member : group) {
                    Relationships.syncReferences(saved.getOrDefault(member, List.of()));
                }
                for (List<InstanceState> level : insertLevels.get(g)) {
                    for (Map.Entry<Mapper<?>, List<InstanceState>> e :
                            FlushOrder.byClass(group, level).entrySet()) {
                        m = e.getKey();
                        Relationships.syncReferences(e.getValue());
                        insert(session.connectionFor(m, true), m, e.getValue());
                        Relationships.syncChildren(e.getValue());
                    }
                }
                for (Mapper<?> member : group) {
                    m = member;
                    List<InstanceState> existing = saved.getOrDefault(m, List.of());
                    if (group.size() > 1) {
                        Relationships.syncReferences(existing); // the group's new objects have their keys now
                    }
                    update(session.connectionFor(m, true), m, changes(existing));
                    Relationships.syncChildren(existing);
                }
            } catch (AlchemyException e) {
                throw Errors.withPrefix(e, "(while flushing " + m.type.getSimpleName() + ") ");
            }
        }
        associationRows(session, all);
        if (!postKeys.isEmpty()) {
            postUpdate(groups, postKeys, saved, deletes);
        }
        for (int g = groups.size() - 1; g >= 0; g--) {
            List<Mapper<?>> group = groups.get(g);
            List<List<InstanceState>> levels = deleteLevels.get(g);
            Mapper<?> m = group.get(0);
            try {
                for (int l = levels.size() - 1; l >= 0; l--) { // children before their parents
                    List<Map.Entry<Mapper<?>, List<InstanceState>>> byClass = new ArrayList<>(
                            FlushOrder.byClass(group, levels.get(l)).entrySet());
                    for (int c = byClass.size() - 1; c >= 0; c--) {
                        m = byClass.get(c).getKey();
                        delete(session.connectionFor(m, true), m, byClass.get(c).getValue());
                    }
                }
            } catch (AlchemyException e) {
                throw Errors.withPrefix(e, "(while flushing " + m.type.getSimpleName() + ") ");
            }
        }
    }

    /** The objects of a group to insert (or delete), in levels: one level unless they must be ordered one by one. */
    private static List<List<InstanceState>> levels(
            List<Mapper<?>> group, Map<Mapper<?>, List<InstanceState>> byMapper) {
        if (group.size() == 1) {
            List<InstanceState> states = byMapper.getOrDefault(group.get(0), List.of());
            if (states.isEmpty()) {
                return List.of();
            }
            return FlushOrder.needsObjectOrder(group) ? FlushOrder.levels(states) : List.of(states);
        }
        List<InstanceState> states = new ArrayList<>();
        for (Mapper<?> m : group) {
            states.addAll(byMapper.getOrDefault(m, List.of()));
        }
        return states.isEmpty() ? List.of() : FlushOrder.levels(states);
    }

    /** The persistent objects among these whose stored values changed. */
    private static List<Change> changes(List<InstanceState> states) {
        List<Change> changes = new ArrayList<>();
        for (InstanceState s : states) {
            if (s.status != ObjectState.PERSISTENT) {
                continue;
            }
            Object[] current = s.current();
            int[] changed = s.changed(current);
            if (changed.length > 0) {
                changes.add(new Change(s, changed, current));
            }
        }
        return changes;
    }

    /**
     * SQLAlchemy's post_update: once every row exists, UPDATEs write the foreign keys of {@code postUpdate}
     * relationships that their INSERT could not (the object referred to was new too), and before rows are deleted,
     * UPDATEs set those keys to NULL, so that no order of DELETEs is needed either.
     */
    private void postUpdate(
            List<List<Mapper<?>>> groups,
            Set<Attribute> postKeys,
            Map<Mapper<?>, List<InstanceState>> saved,
            Map<Mapper<?>, List<InstanceState>> deletes) {
        Map<Mapper<?>, List<InstanceState>> insertedBy = byMapper(inserted);
        for (List<Mapper<?>> group : groups) {
            for (Mapper<?> m : group) {
                if (!ownsAny(m, postKeys)) {
                    continue;
                }
                List<InstanceState> states = new ArrayList<>(insertedBy.getOrDefault(m, List.of()));
                states.addAll(saved.getOrDefault(m, List.of()));
                Relationships.syncReferences(states);
                try {
                    Connection conn = session.connectionFor(m, true); // the model's database (binds)
                    update(conn, m, changes(states));
                    List<Change> cleared = new ArrayList<>();
                    for (InstanceState s : deletes.getOrDefault(m, List.of())) {
                        Object[] snapshot = java.util.Objects.requireNonNull(s.snapshot);
                        Object[] current = snapshot.clone();
                        int[] changed = new int[current.length];
                        int n = 0;
                        for (Attribute a : m.attributes) {
                            if (postKeys.contains(a) && current[a.index] != null) {
                                current[a.index] = null;
                                changed[n++] = a.index;
                            }
                        }
                        if (n > 0) {
                            cleared.add(new Change(s, Arrays.copyOf(changed, n), current));
                        }
                    }
                    update(conn, m, cleared);
                } catch (AlchemyException e) {
                    throw Errors.withPrefix(e, "(while flushing " + m.type.getSimpleName() + ") ");
                }
            }
        }
    }

    private static boolean ownsAny(Mapper<?> m, Set<Attribute> keys) {
        for (Attribute a : m.attributes) {
            if (keys.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static Map<Mapper<?>, List<InstanceState>> byMapper(List<InstanceState> states) {
        Map<Mapper<?>, List<InstanceState>> map = new LinkedHashMap<>();
        for (InstanceState s : states) {
            map.computeIfAbsent(s.mapper, m -> new ArrayList<>()).add(s);
        }
        return map;
    }

    /** Whether any persistent object changed, or any many-to-many collection did (a cheap pre-check). */
    private static boolean anyChange(List<InstanceState> persistent, List<InstanceState> all) {
        Relationships.syncReferences(persistent);
        Relationships.syncChildren(all);
        if (InstanceState.anyModified(persistent)) {
            return true;
        }
        Map<String, Map<List<Object>, Boolean>> rows = new LinkedHashMap<>();
        Relationships.associationChanges(all, rows, new HashMap<>());
        for (Map<List<Object>, Boolean> r : rows.values()) {
            if (!r.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Inserts and deletes the rows of association tables for many-to-many collections. */
    private static void associationRows(SessionImpl session, List<InstanceState> all) {
        Map<String, Map<List<Object>, Boolean>> rowsByTable = new LinkedHashMap<>();
        Map<String, RelationshipProperty> relationOf = new HashMap<>();
        Relationships.associationChanges(all, rowsByTable, relationOf);
        for (Map.Entry<String, Map<List<Object>, Boolean>> e : rowsByTable.entrySet()) {
            RelationshipProperty r = relationOf.get(e.getKey());
            Table secondary = r.secondaryTable();
            // the owner's database, unless the association table is bound to another (then it is refused)
            Connection conn = session.connectionFor(r.owner.type, Insert.into(secondary), true);
            List<Map<String, Object>> inserts = new ArrayList<>();
            List<Map<String, Object>> deletes = new ArrayList<>();
            for (Map.Entry<List<Object>, Boolean> row : e.getValue().entrySet()) {
                Map<String, Object> params = new HashMap<>();
                params.put(r.joinColumn, row.getKey().get(0));
                params.put(r.inverseColumn, row.getKey().get(1));
                (row.getValue() ? inserts : deletes).add(params);
            }
            if (!deletes.isEmpty()) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                ColumnElement<Boolean>[] where = new ColumnElement[] {
                    secondary.c(r.joinColumn).eq((ColumnElement) BindParam.required(r.joinColumn, null)),
                    secondary.c(r.inverseColumn).eq((ColumnElement) BindParam.required(r.inverseColumn, null))
                };
                conn.execute(Delete.from(secondary).where(where), deletes);
            }
            if (!inserts.isEmpty()) {
                conn.execute(Insert.into(secondary).parameters(r.joinColumn, r.inverseColumn), inserts);
            }
        }
    }

    // ---------------------------------------------------------------- INSERT

    private void insert(Connection conn, Mapper<?> mapper, List<InstanceState> states) {
        Table table = mapper.table;
        List<Attribute> attributes = mapper.attributes;
        Attribute[] pk = mapper.primaryKey;
        Attribute generatedKey = pk.length == 1 && column(table, pk[0]).isAutoincrement() ? pk[0] : null;
        Attribute version = mapper.version;
        // rows that leave out the same columns (database-made values) share one INSERT
        Map<java.util.BitSet, List<InstanceState>> groups = new LinkedHashMap<>();
        Map<InstanceState, Object[]> valuesOf = new HashMap<>(states.size() * 4 / 3 + 1);
        boolean[] omittable = new boolean[attributes.size()];
        for (int i = 0; i < omittable.length; i++) {
            omittable[i] = attributes.get(i) == generatedKey
                    || column(table, attributes.get(i)).hasServerDefault();
        }
        java.util.BitSet none = new java.util.BitSet();
        for (InstanceState s : states) {
            Object[] before = new Object[attributes.size()];
            mapper.readAll(s.instance, before);
            s.beforeInsert = before;
            inserted.add(s);
            Object[] values;
            if (version != null && before[version.index] == null) {
                version.setRaw(s.instance, Conversions.convert(1, Conversions.boxed(version.fieldType)));
                values = s.current();
            } else {
                values = before.clone();
            }
            valuesOf.put(s, values);
            java.util.BitSet signature = none;
            for (int i = 0; i < values.length; i++) {
                if (omittable[i] && values[i] == null) {
                    if (signature == none) {
                        signature = new java.util.BitSet(values.length);
                    }
                    signature.set(i);
                }
            }
            groups.computeIfAbsent(signature, k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<java.util.BitSet, List<InstanceState>> group : groups.entrySet()) {
            java.util.BitSet omitted = group.getKey();
            List<Attribute> columns = new ArrayList<>();
            List<Attribute> fetched = new ArrayList<>();
            for (int i = 0; i < attributes.size(); i++) {
                (omitted.get(i) ? fetched : columns).add(attributes.get(i));
            }
            List<InstanceState> rows = group.getValue();
            if (fetched.isEmpty()) {
                insertMany(conn, table, columns, rows, valuesOf);
            } else {
                boolean keyFetched = generatedKey != null && fetched.contains(generatedKey);
                // + 1: the row number of an ordered INSERT ... SELECT
                int perBatch = Math.max(1, Math.min(BATCH_ROWS, MAX_PARAMETERS / (columns.size() + 1)));
                for (int from = 0; from < rows.size(); from += perBatch) {
                    List<InstanceState> batch = rows.subList(from, Math.min(rows.size(), from + perBatch));
                    insertReturning(conn, mapper, columns, fetched, keyFetched ? generatedKey : null, batch, valuesOf);
                }
            }
        }
    }

    private static Column<Object> column(Table table, Attribute a) {
        return table.c(a.columnName);
    }

    private void insertMany(
            Connection conn,
            Table table,
            List<Attribute> columns,
            List<InstanceState> rows,
            Map<InstanceState, Object[]> valuesOf) {
        String[] names = columns.stream().map(a -> a.columnName).toArray(String[]::new);
        List<Map<String, Object>> parameterSets = new ArrayList<>(rows.size());
        for (InstanceState s : rows) {
            Object[] values = valuesOf.get(s);
            Map<String, Object> params = new HashMap<>();
            for (Attribute a : columns) {
                params.put(a.columnName, values[a.index]);
            }
            parameterSets.add(params);
        }
        conn.execute(Insert.into(table).parameters(names), parameterSets);
        for (InstanceState s : rows) {
            session.inserted(s, valuesOf.get(s));
        }
    }

    private void insertReturning(
            Connection conn,
            Mapper<?> mapper,
            List<Attribute> columns,
            List<Attribute> fetched,
            @Nullable Attribute generatedKey,
            List<InstanceState> batch,
            Map<InstanceState, Object[]> valuesOf) {
        Table table = mapper.table;
        List<Attribute> returned = new ArrayList<>(fetched);
        for (Attribute pk : mapper.primaryKey) {
            if (!returned.contains(pk)) {
                returned.add(pk);
            }
        }
        if (generatedKey == null && batch.size() > 1 && !Collections.disjoint(fetched, List.of(mapper.primaryKey))) {
            // the database makes the key (a server default such as gen_random_uuid()) in no order we could match
            for (InstanceState s : batch) {
                insertReturning(conn, mapper, columns, fetched, null, List.of(s), valuesOf);
            }
            return;
        }
        boolean ordered = generatedKey != null
                && batch.size() > 1
                && !columns.isEmpty()
                && Dialect.of(conn.engine()).insertFromSelectAssignsKeysInOrder();
        List<Row> rows = ordered
                ? conn.execute(new CachedInsert(table, columns, returned, batch, valuesOf, true))
                        .all()
                : insertRows(conn, table, columns, returned, batch, valuesOf);
        Attribute matchKey = generatedKey != null ? generatedKey : mapper.primaryKey[0];
        int keyColumn = returned.indexOf(matchKey);
        List<InstanceState> order = batch;
        List<Row> matched;
        if (generatedKey != null) {
            // keys ascend in row order: proved by the ordered INSERT ... SELECT, or by consecutive keys
            matched = ordered
                    ? sortedByKey(rows, keyColumn, batch.size())
                    : inOrderIfConsecutive(rows, keyColumn, batch.size());
            if (matched == null) {
                // the database did not prove the order: undo the batch and insert its rows one at a time
                List<Object> keys = rows.stream().map(r -> r.get(keyColumn)).toList();
                conn.execute(Delete.from(table)
                        .where(table.c(generatedKey.columnName).in(keys)));
                matched = new ArrayList<>();
                for (InstanceState s : batch) {
                    matched.addAll(insertRows(conn, table, columns, returned, List.of(s), valuesOf));
                }
            }
        } else if (batch.size() == 1 && rows.size() == 1) {
            matched = rows; // one row: nothing to match (its key may be the database's own, unknown before)
        } else {
            Map<Object, Row> byKey = new HashMap<>();
            for (Row r : rows) {
                byKey.put(keyOf(r, returned, mapper), r);
            }
            matched = new ArrayList<>();
            for (InstanceState s : order) {
                matched.add(byKey.get(keyOf(valuesOf.get(s), mapper)));
            }
        }
        for (int i = 0; i < order.size(); i++) {
            InstanceState s = order.get(i);
            Object[] values = valuesOf.get(s);
            Row row = matched.get(i);
            for (int c = 0; c < returned.size(); c++) {
                Attribute a = returned.get(c);
                Object value = row.get(c);
                values[a.index] = value;
                a.set(s.instance, value);
            }
            session.inserted(s, values);
        }
    }

    private static List<Row> insertRows(
            Connection conn,
            Table table,
            List<Attribute> columns,
            List<Attribute> returned,
            List<InstanceState> batch,
            Map<InstanceState, Object[]> valuesOf) {
        Insert insert;
        if (columns.isEmpty()) {
            if (batch.size() != 1) {
                List<Row> all = new ArrayList<>();
                for (InstanceState s : batch) {
                    all.addAll(insertRows(conn, table, columns, returned, List.of(s), valuesOf));
                }
                return all;
            }
            insert = Insert.into(table).values(Map.of());
        } else {
            return conn.execute(new CachedInsert(table, columns, returned, batch, valuesOf, false))
                    .all();
        }
        ColumnElement<?>[] returning =
                returned.stream().map(a -> table.c(a.columnName)).toArray(ColumnElement[]::new);
        return conn.execute(insert.returning(returning)).all();
    }

    /**
     * The shape of a flush's multi-row INSERT: which table, columns, returned columns, rows, for which dialect, and
     * whether it is the ordered INSERT ... SELECT form.
     */
    private record InsertShape(
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
    private record InsertTemplate(CompiledStatement statement, int[] row, int[] column) {}

    /** Compiled INSERTs by shape: a flush of many objects compiles its 1,000-row statement once, not per batch. */
    private static final Map<InsertShape, InsertTemplate> INSERTS = new ConcurrentHashMap<>();

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
    private static final class CachedInsert implements Executable {
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
                types.put("p" + i, column(table, columns.get(i)).type());
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

    /** The rows sorted by key when they are n distinct integers; null when they are not. */
    private static @Nullable List<Row> sortedByKey(List<Row> rows, int keyColumn, int n) {
        if (rows.size() != n) {
            return null;
        }
        List<Row> sorted = new ArrayList<>(rows);
        for (Row r : sorted) {
            if (!(r.get(keyColumn) instanceof Number)) {
                return null;
            }
        }
        sorted.sort(Comparator.comparingLong(r -> ((Number) r.get(keyColumn)).longValue()));
        for (int i = 1; i < n; i++) {
            if (((Number) sorted.get(i).get(keyColumn)).longValue()
                    == ((Number) sorted.get(i - 1).get(keyColumn)).longValue()) {
                return null;
            }
        }
        return sorted;
    }

    /** The rows sorted by key when the keys are exactly n consecutive integers; null when they are not. */
    private static @Nullable List<Row> inOrderIfConsecutive(List<Row> rows, int keyColumn, int n) {
        List<Row> sorted = sortedByKey(rows, keyColumn, n);
        if (sorted == null) {
            return null;
        }
        long first = ((Number) sorted.get(0).get(keyColumn)).longValue();
        long last = ((Number) sorted.get(n - 1).get(keyColumn)).longValue();
        return last - first == n - 1 ? sorted : null;
    }

    private static Object keyOf(Row row, List<Attribute> returned, Mapper<?> mapper) {
        List<Object> key = new ArrayList<>();
        for (Attribute pk : mapper.primaryKey) {
            key.add(row.get(returned.indexOf(pk)));
        }
        return key;
    }

    private static Object keyOf(Object[] values, Mapper<?> mapper) {
        List<Object> key = new ArrayList<>();
        for (Attribute pk : mapper.primaryKey) {
            key.add(values[pk.index]);
        }
        return key;
    }

    // ---------------------------------------------------------------- UPDATE

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void update(Connection conn, Mapper<?> mapper, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Table table = mapper.table;
        Attribute version = mapper.version;
        Map<ChangedColumns, List<Change>> groups = new LinkedHashMap<>(); // one UPDATE per set of changed columns
        for (Change c : changes) {
            groups.computeIfAbsent(new ChangedColumns(c.changed), k -> new ArrayList<>())
                    .add(c);
        }
        for (List<Change> group : groups.values()) {
            int[] changed = group.get(0).changed;
            Map<String, Object> set = new LinkedHashMap<>();
            for (int i : changed) {
                Attribute a = mapper.attributes.get(i);
                set.put(a.columnName, BindParam.required(a.columnName, (SqlType) a.sqlType));
            }
            if (version != null && !set.containsKey(version.columnName)) {
                set.put(version.columnName, BindParam.required(version.columnName, (SqlType) version.sqlType));
            }
            Update update = Update.of(table).values(set).where(keyCondition(mapper));
            List<Map<String, Object>> parameterSets = new ArrayList<>(group.size());
            for (Change c : group) {
                Map<String, Object> params = new HashMap<>();
                for (int i : changed) {
                    params.put(mapper.attributes.get(i).columnName, c.current[i]);
                }
                keyParameters(mapper, c.state.snapshot, params);
                if (version != null) {
                    Object next = nextVersion(c.state.snapshot[version.index], version);
                    params.put(version.columnName, next);
                    c.current[version.index] = next;
                }
                parameterSets.add(params);
            }
            long matched = conn.execute(update, parameterSets).rowcount();
            if (matched != group.size()) {
                throw new StaleDataError("UPDATE statement on table '" + table.fullName() + "' expected to update "
                        + group.size() + " row(s); " + matched + " were matched. The row of a "
                        + mapper.type.getSimpleName()
                        + " was changed or deleted by another transaction since it was loaded.");
            }
            for (Change c : group) {
                if (version != null) {
                    version.set(c.state.instance, c.current[version.index]);
                }
                session.updated(c.state, c.current);
            }
        }
    }

    private static Object nextVersion(@Nullable Object current, Attribute version) {
        long next = current == null ? 1 : ((Number) current).longValue() + 1;
        return Conversions.convert(next, Conversions.boxed(version.sqlType.javaType()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ColumnElement<Boolean>[] keyCondition(Mapper<?> mapper) {
        Table table = mapper.table;
        List<ColumnElement<Boolean>> conditions = new ArrayList<>();
        for (Attribute pk : mapper.primaryKey) {
            conditions.add(table.c(pk.columnName)
                    .eq((ColumnElement) BindParam.required(pk.keyParameter, (SqlType) pk.sqlType)));
        }
        Attribute version = mapper.version;
        if (version != null) {
            conditions.add(table.c(version.columnName)
                    .eq((ColumnElement) BindParam.required(version.versionParameter, (SqlType) version.sqlType)));
        }
        return conditions.toArray(ColumnElement[]::new);
    }

    private static void keyParameters(Mapper<?> mapper, Object[] snapshot, Map<String, Object> params) {
        for (Attribute pk : mapper.primaryKey) {
            params.put(pk.keyParameter, snapshot[pk.index]);
        }
        Attribute version = mapper.version;
        if (version != null) {
            params.put(version.versionParameter, snapshot[version.index]);
        }
    }

    // ---------------------------------------------------------------- DELETE

    private void delete(Connection conn, Mapper<?> mapper, List<InstanceState> states) {
        Table table = mapper.table;
        Delete delete = Delete.from(table).where(keyCondition(mapper));
        List<Map<String, Object>> parameterSets = new ArrayList<>(states.size());
        Attribute single = mapper.primaryKey.length == 1 && mapper.version == null ? mapper.primaryKey[0] : null;
        for (InstanceState s : states) {
            Object[] snapshot = Objects.requireNonNull(s.snapshot);
            if (single != null && snapshot[single.index] != null) {
                parameterSets.add(Map.of(single.keyParameter, snapshot[single.index]));
                continue;
            }
            Map<String, Object> params = new HashMap<>();
            keyParameters(mapper, snapshot, params);
            parameterSets.add(params);
        }
        long matched = conn.execute(delete, parameterSets).rowcount();
        if (matched != states.size()) {
            throw new StaleDataError("DELETE statement on table '" + table.fullName() + "' expected to delete "
                    + states.size() + " row(s); " + matched + " were matched. The row of a "
                    + mapper.type.getSimpleName()
                    + " was changed or deleted by another transaction since it was loaded.");
        }
        for (InstanceState s : states) {
            session.deletedRow(s);
        }
    }

    /** Puts back the field values of objects this flush inserted (generated keys, versions). */
    public void undo() {
        for (InstanceState s : inserted) {
            session.uninserted(s);
        }
    }
}
