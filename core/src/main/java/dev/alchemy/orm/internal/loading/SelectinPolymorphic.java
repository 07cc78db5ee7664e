package dev.alchemy.orm.internal.loading;

import dev.alchemy.engine.Row;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.internal.state.SessionContext;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.BooleanClauseList;
import dev.alchemy.sql.ClauseElement;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Select;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Polymorphic loading by selectin, as SQLAlchemy's {@code polymorphic_load = "selectin"}: a query of a superclass
 * leaves the tables of such subclasses out (their columns NULL in its row layout), and the rows that turn out to be of
 * such a class get those tables' columns here, from one {@code SELECT ... WHERE key IN (...)} per class (per 500
 * keys), before their objects are built. Rows of objects the session holds already (and does not overwrite) need
 * nothing.
 */
final class SelectinPolymorphic {

    /** Keys per SELECT, as the selectin relationship loader's. */
    private static final int CHUNK = 500;

    private SelectinPolymorphic() {}

    /**
     * Completes the values of the rows whose class's tables the query left out.
     *
     * @param session the session, for the connection
     * @param map its identity map
     * @param loading the mapper of the class queried
     * @param rowMappers each row's class
     * @param values each row's values, completed in place
     * @param populate whether objects the session holds are overwritten, so that their rows need every value too
     */
    static void fill(
            SessionContext session,
            IdentityMap map,
            Mapper<?> loading,
            Mapper<?>[] rowMappers,
            Object[][] values,
            boolean populate) {
        Map<Mapper<?>, Map<IdentityKey, List<Integer>>> wanted = new LinkedHashMap<>();
        for (int i = 0; i < rowMappers.length; i++) {
            Mapper<?> m = rowMappers[i];
            if (m.layout.selectinFrom(loading) < 0) {
                continue;
            }
            IdentityKey key = IdentityKey.fromValues(m, values[i]);
            InstanceState held = map.get(key);
            if (held != null && !held.expired() && !populate) {
                continue; // the object the row names is in the session already, and stays as it is
            }
            wanted.computeIfAbsent(m, k -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new ArrayList<>(1))
                    .add(i);
        }
        for (Map.Entry<Mapper<?>, Map<IdentityKey, List<Integer>>> e : wanted.entrySet()) {
            Mapper<?> m = e.getKey();
            List<IdentityKey> keys = new ArrayList<>(e.getValue().keySet());
            for (int from = 0; from < keys.size(); from += CHUNK) {
                read(
                        session,
                        loading,
                        m,
                        keys.subList(from, Math.min(keys.size(), from + CHUNK)),
                        e.getValue(),
                        values);
            }
        }
    }

    /** One SELECT of the left-out tables of class {@code m} for some keys, its values copied into their rows. */
    private static void read(
            SessionContext session,
            Mapper<?> loading,
            Mapper<?> m,
            List<IdentityKey> keys,
            Map<IdentityKey, List<Integer>> rowsByKey,
            Object[][] values) {
        List<Table> chain = m.tables();
        int first = m.layout.selectinFrom(loading);
        List<Table> tables = chain.subList(first, chain.size());
        Table head = tables.get(0);
        Attribute[] primaryKey = m.primaryKey;
        // the left-out tables' columns, joined on the key as the entity select joins them
        Select select = Select.of(head);
        Map<Table, Integer> offsets = new HashMap<>();
        int width = 0;
        Table previous = null;
        for (Table t : tables) {
            offsets.put(t, width);
            width += t.columns().size();
            if (previous != null) {
                select = select.addColumns(t.columns().toArray(new ClauseElement[0]))
                        .join(t, on(t, previous, primaryKey));
            }
            previous = t;
        }
        int[] keyPositions = new int[primaryKey.length];
        for (int k = 0; k < primaryKey.length; k++) {
            keyPositions[k] = columnIndex(head, primaryKey[k].columnName);
        }
        select = select.where(keyCondition(head, primaryKey, keys));
        int[] positions = new int[m.attributes.size()];
        List<Attribute> filled = new ArrayList<>();
        for (Attribute a : m.attributes) {
            Table t = m.tableOf(a);
            Integer offset = offsets.get(t);
            if (offset != null && !a.primaryKey) {
                positions[a.index] = offset + columnIndex(t, a.columnName);
                filled.add(a);
            }
        }
        for (Row row : session.connectionFor(m.type, select, false).execute(select)) {
            Object[] id = new Object[primaryKey.length];
            for (int k = 0; k < id.length; k++) {
                id[k] = row.get(keyPositions[k]);
            }
            List<Integer> rows = rowsByKey.get(IdentityKey.fromValues(m, keyValues(m, id)));
            if (rows == null) {
                continue;
            }
            for (int i : rows) {
                for (Attribute a : filled) {
                    values[i][a.index] = row.get(positions[a.index]);
                }
            }
        }
    }

    private static ColumnElement<Boolean> on(Table t, Table previous, Attribute[] primaryKey) {
        List<ColumnElement<Boolean>> each = new ArrayList<>(primaryKey.length);
        for (Attribute pk : primaryKey) {
            each.add(t.c(pk.columnName).eq(previous.c(pk.columnName)));
        }
        return each.size() == 1 ? each.get(0) : BooleanClauseList.and(each);
    }

    private static ColumnElement<Boolean> keyCondition(Table table, Attribute[] primaryKey, List<IdentityKey> keys) {
        if (primaryKey.length == 1) {
            List<Object> ids = new ArrayList<>(keys.size());
            for (IdentityKey key : keys) {
                ids.add(key.id());
            }
            return table.c(primaryKey[0].columnName).in(ids);
        }
        List<ColumnElement<Boolean>> any = new ArrayList<>(keys.size());
        for (IdentityKey key : keys) {
            List<?> id = (List<?>) key.id();
            List<ColumnElement<Boolean>> each = new ArrayList<>(primaryKey.length);
            for (int k = 0; k < primaryKey.length; k++) {
                each.add(table.c(primaryKey[k].columnName).eq(id.get(k)));
            }
            any.add(BooleanClauseList.and(each));
        }
        return BooleanClauseList.or(any);
    }

    /** A values array holding only the key, for {@link Mapper#keyFromValues}. */
    private static Object[] keyValues(Mapper<?> m, Object[] id) {
        Object[] values = new Object[m.attributes.size()];
        for (int k = 0; k < id.length; k++) {
            values[m.primaryKey[k].index] = id[k];
        }
        return values;
    }

    private static int columnIndex(Table table, String name) {
        List<Column<?>> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name + " in " + table.fullName());
    }
}
