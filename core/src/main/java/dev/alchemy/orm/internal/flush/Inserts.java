package dev.alchemy.orm.internal.flush;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.MultiRowInsertKeys;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Conversions;
import dev.alchemy.engine.Row;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Insert;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The INSERTs of one flush, as SQLAlchemy's {@code persistence.py} with insertmanyvalues: new rows of one class go in
 * one statement per batch with RETURNING, and the generated keys are matched to objects only in a way the database
 * guarantees: on PostgreSQL by SQLAlchemy 2.0's {@code INSERT ... SELECT ... FROM (VALUES ...) ORDER BY sen_counter},
 * whose sequence values ascend in row order (concurrent sessions may take values in between); elsewhere by a plain
 * multi-row VALUES whose returned keys must be consecutive (SQLite's rowids are, for one statement), or else the
 * batch is undone and its rows inserted one at a time. A key the database makes by a server default (a random UUID)
 * cannot be matched by order: such rows go one per statement.
 */
final class Inserts {

    /** Rows per multi-row INSERT: SQLAlchemy's insertmanyvalues batch size, capped by SQLite's 32766 parameters. */
    private static final int BATCH_ROWS = 1000;

    private static final int MAX_PARAMETERS = 32000;

    private final FlushContext session;
    /** The objects this flush inserted, in order, for {@link #undo}. */
    private final List<InstanceState> inserted = new ArrayList<>();

    Inserts(FlushContext session) {
        this.session = session;
    }

    /** @return the objects this flush inserted so far */
    List<InstanceState> inserted() {
        return inserted;
    }

    /** Puts back the field values of objects this flush inserted (generated keys, versions). */
    void undo() {
        for (InstanceState s : inserted) {
            session.uninserted(s);
        }
    }

    void insert(Connection conn, Mapper<?> mapper, List<InstanceState> states) {
        if (!mapper.isJoined()) {
            insert(conn, mapper, mapper.table, mapper.attributes, states, true);
            return;
        }
        // joined-table inheritance: the base's row first (it makes the key), then each subclass table's row, with the
        // key and the columns of the fields its class declares; the session learns of the object after the last
        List<Table> tables = mapper.tables();
        insert(conn, mapper, tables.get(0), columnsOf(mapper, 0), states, false);
        for (int t = 1; t < tables.size(); t++) {
            Table table = tables.get(t);
            // rows that leave out the same server-default columns (their value NULL) share one INSERT; the database's
            // value is not read back (refresh the object to see it)
            Map<List<Attribute>, List<InstanceState>> groups = new LinkedHashMap<>();
            for (InstanceState s : states) {
                List<Attribute> columns = new ArrayList<>(List.of(mapper.primaryKey));
                for (Attribute a : columnsOf(mapper, t)) {
                    if (s.inserting()[a.index] != null || !column(table, a).hasServerDefault()) {
                        columns.add(a);
                    }
                }
                groups.computeIfAbsent(columns, k -> new ArrayList<>()).add(s);
            }
            for (Map.Entry<List<Attribute>, List<InstanceState>> g : groups.entrySet()) {
                insertMany(conn, table, g.getKey(), g.getValue(), false);
            }
        }
        for (InstanceState s : states) {
            session.inserted(s, s.inserting());
        }
    }

    /** @return the attributes whose columns the {@code t}-th table of a joined-table class's rows holds */
    private static List<Attribute> columnsOf(Mapper<?> mapper, int t) {
        Table table = mapper.tables().get(t);
        List<Attribute> columns = new ArrayList<>();
        for (Attribute a : mapper.attributes) {
            if (mapper.tableOf(a) == table && (t == 0 || !a.primaryKey)) {
                columns.add(a);
            }
        }
        return columns;
    }

    /**
     * The INSERTs of objects into one table.
     *
     * @param table the table
     * @param attributes the attributes whose columns it has
     * @param tell whether to tell the session of each inserted object (not before a joined-table class's last table);
     *     until then each object's values, as inserted and as the database made them, are its {@code inserting()}
     */
    private void insert(
            Connection conn,
            Mapper<?> mapper,
            Table table,
            List<Attribute> attributes,
            List<InstanceState> states,
            boolean tell) {
        List<Attribute> all = mapper.attributes;
        Attribute[] pk = mapper.primaryKey;
        Attribute generatedKey = pk.length == 1 && column(table, pk[0]).isAutoincrement() ? pk[0] : null;
        Attribute version = mapper.version;
        // rows that leave out the same columns (database-made values) share one INSERT
        Map<java.util.BitSet, List<InstanceState>> groups = new LinkedHashMap<>();
        boolean[] omittable = new boolean[all.size()];
        for (Attribute a : attributes) {
            omittable[a.index] = a == generatedKey || column(table, a).hasServerDefault();
        }
        java.util.BitSet none = new java.util.BitSet();
        java.util.BitSet lastSignature = null;
        List<InstanceState> lastGroup = null;
        for (InstanceState s : states) {
            Object[] before = new Object[all.size()];
            mapper.readAll(s.instance, before);
            s.insertStarting(before);
            inserted.add(s);
            Object[] values;
            if (version != null && before[version.index] == null) {
                version.setRaw(s.instance, Conversions.convert(1, Conversions.boxed(version.fieldType)));
                values = s.current();
            } else {
                values = before.clone();
            }
            s.inserting(values);
            if (lastSignature != null && omits(omittable, values, lastSignature)) {
                Objects.requireNonNull(lastGroup).add(s); // as the object before: no signature made and hashed
                continue;
            }
            java.util.BitSet signature = none;
            for (int i = 0; i < values.length; i++) {
                if (omittable[i] && values[i] == null) {
                    if (signature == none) {
                        signature = new java.util.BitSet(values.length);
                    }
                    signature.set(i);
                }
            }
            lastSignature = signature;
            lastGroup = groups.computeIfAbsent(signature, k -> new ArrayList<>());
            lastGroup.add(s);
        }
        for (Map.Entry<java.util.BitSet, List<InstanceState>> group : groups.entrySet()) {
            java.util.BitSet omitted = group.getKey();
            List<Attribute> columns = new ArrayList<>();
            List<Attribute> fetched = new ArrayList<>();
            for (Attribute a : attributes) {
                (omitted.get(a.index) ? fetched : columns).add(a);
            }
            List<InstanceState> rows = group.getValue();
            if (fetched.isEmpty()) {
                insertMany(conn, table, columns, rows, tell);
            } else {
                boolean keyFetched = generatedKey != null && fetched.contains(generatedKey);
                // + 1: the row number of an ordered INSERT ... SELECT
                int perBatch = Math.max(1, Math.min(BATCH_ROWS, MAX_PARAMETERS / (columns.size() + 1)));
                for (int from = 0; from < rows.size(); from += perBatch) {
                    List<InstanceState> batch = rows.subList(from, Math.min(rows.size(), from + perBatch));
                    insertReturning(
                            conn, mapper, table, columns, fetched, keyFetched ? generatedKey : null, batch, tell);
                }
            }
        }
    }

    /** Whether a row leaves out exactly the columns of a signature: its omittable values that are null. */
    private static boolean omits(boolean[] omittable, @Nullable Object[] values, java.util.BitSet signature) {
        for (int i = 0; i < values.length; i++) {
            if ((omittable[i] && values[i] == null) != signature.get(i)) {
                return false;
            }
        }
        return true;
    }

    static Column<Object> column(Table table, Attribute a) {
        return table.c(a.columnName);
    }

    private void insertMany(
            Connection conn, Table table, List<Attribute> columns, List<InstanceState> rows, boolean tell) {
        String[] names = columns.stream().map(a -> a.columnName).toArray(String[]::new);
        List<Map<String, Object>> parameterSets = new ArrayList<>(rows.size());
        for (InstanceState s : rows) {
            Object[] values = s.inserting();
            Map<String, Object> params = new HashMap<>();
            for (Attribute a : columns) {
                params.put(a.columnName, values[a.index]);
            }
            parameterSets.add(params);
        }
        conn.execute(Insert.into(table).parameters(names), parameterSets);
        if (tell) {
            for (InstanceState s : rows) {
                session.inserted(s, s.inserting());
            }
        }
    }

    private void insertReturning(
            Connection conn,
            Mapper<?> mapper,
            Table table,
            List<Attribute> columns,
            List<Attribute> fetched,
            @Nullable Attribute generatedKey,
            List<InstanceState> batch,
            boolean tell) {
        MultiRowInsertKeys keyMethod = Dialect.of(conn.engine()).multiRowInsertKeys();
        if (keyMethod.method() != MultiRowInsertKeys.Method.RETURNING) {
            InsertsByDriverKeys.insert(
                    session, conn, mapper, table, columns, fetched, generatedKey, batch, keyMethod, tell);
            return;
        }
        List<Attribute> returned = new ArrayList<>(fetched);
        for (Attribute pk : mapper.primaryKey) {
            if (!returned.contains(pk)) {
                returned.add(pk);
            }
        }
        if (generatedKey == null && batch.size() > 1 && !Collections.disjoint(fetched, List.of(mapper.primaryKey))) {
            // the database makes the key (a server default such as gen_random_uuid()) in no order we could match
            for (InstanceState s : batch) {
                insertReturning(conn, mapper, table, columns, fetched, null, List.of(s), tell);
            }
            return;
        }
        boolean ordered = generatedKey != null
                && batch.size() > 1
                && !columns.isEmpty()
                && Dialect.of(conn.engine()).insertFromSelectAssignsKeysInOrder();
        List<Row> rows = ordered
                ? conn.execute(new CachedInsert(table, columns, returned, batch, true))
                        .all()
                : insertRows(conn, table, columns, returned, batch);
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
                    matched.addAll(insertRows(conn, table, columns, returned, List.of(s)));
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
                matched.add(byKey.get(keyOf(s.inserting(), mapper)));
            }
        }
        for (int i = 0; i < order.size(); i++) {
            InstanceState s = order.get(i);
            Object[] values = s.inserting();
            Row row = matched.get(i);
            for (int c = 0; c < returned.size(); c++) {
                Attribute a = returned.get(c);
                Object value = row.get(c);
                values[a.index] = value;
                a.set(s.instance, value);
            }
            if (tell) {
                session.inserted(s, values);
            }
        }
    }

    private static List<Row> insertRows(
            Connection conn,
            Table table,
            List<Attribute> columns,
            List<Attribute> returned,
            List<InstanceState> batch) {
        Insert insert;
        if (columns.isEmpty()) {
            if (batch.size() != 1) {
                List<Row> all = new ArrayList<>();
                for (InstanceState s : batch) {
                    all.addAll(insertRows(conn, table, columns, returned, List.of(s)));
                }
                return all;
            }
            insert = Insert.into(table).values(Map.of());
        } else {
            return conn.execute(new CachedInsert(table, columns, returned, batch, false))
                    .all();
        }
        ColumnElement<?>[] returning =
                returned.stream().map(a -> table.c(a.columnName)).toArray(ColumnElement[]::new);
        return conn.execute(insert.returning(returning)).all();
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
        sorted.sort(Comparator.comparingLong(r -> longKey(r, keyColumn)));
        for (int i = 1; i < n; i++) {
            if (longKey(sorted.get(i), keyColumn) == longKey(sorted.get(i - 1), keyColumn)) {
                return null;
            }
        }
        return sorted;
    }

    /** A key column's value, which {@link #sortedByKey} checked is a number. */
    private static long longKey(Row row, int keyColumn) {
        return ((Number) Objects.requireNonNull(row.get(keyColumn))).longValue();
    }

    /** The rows sorted by key when the keys are exactly n consecutive integers; null when they are not. */
    private static @Nullable List<Row> inOrderIfConsecutive(List<Row> rows, int keyColumn, int n) {
        List<Row> sorted = sortedByKey(rows, keyColumn, n);
        if (sorted == null) {
            return null;
        }
        long first = longKey(sorted.get(0), keyColumn);
        long last = longKey(sorted.get(n - 1), keyColumn);
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
}
