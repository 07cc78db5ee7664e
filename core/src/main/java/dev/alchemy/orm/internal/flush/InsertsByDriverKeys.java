package dev.alchemy.orm.internal.flush;

import dev.alchemy.dialect.MultiRowInsertKeys;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Conversions;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.CompileError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.BooleanClauseList;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.Select;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The INSERTs of a flush on a database without INSERT ... RETURNING (MySQL), as SQLAlchemy's MySQL dialect does them
 * with {@code cursor.lastrowid}: the generated keys come from the driver. One multi-row INSERT per batch whose first
 * row's key is the driver's and every next row's one step up, where the dialect says the server promises that
 * ({@link MultiRowInsertKeys.Method#CONSECUTIVE}: InnoDB's lock modes 0 and 1); otherwise one INSERT per row, each
 * with its own key. Other values the database made (server defaults) are read back by key, one SELECT per batch.
 */
final class InsertsByDriverKeys {

    private InsertsByDriverKeys() {}

    static void insert(
            FlushContext session,
            Connection conn,
            Mapper<?> mapper,
            Table table,
            List<Attribute> columns,
            List<Attribute> fetched,
            @Nullable Attribute generatedKey,
            List<InstanceState> batch,
            MultiRowInsertKeys keys,
            boolean tell) {
        if (generatedKey == null && !Collections.disjoint(fetched, List.of(mapper.primaryKey))) {
            throw new CompileError("the key of " + table.fullName() + " is made by a server default, which the "
                    + conn.engine().dialect().name() + " dialect cannot read back without INSERT ... RETURNING;"
                    + " make it an AUTO_INCREMENT column or assign keys in the application");
        }
        boolean together = batch.size() > 1
                && !columns.isEmpty()
                && (generatedKey == null || keys.method() == MultiRowInsertKeys.Method.CONSECUTIVE);
        List<List<InstanceState>> statements =
                together ? List.of(batch) : batch.stream().map(List::of).toList();
        for (List<InstanceState> rows : statements) {
            Result result = columns.isEmpty()
                    ? conn.execute(Insert.into(table).values(Map.of()))
                    : conn.execute(new CachedInsert(table, columns, List.of(), rows, false));
            if (generatedKey != null) {
                Long first = result.lastRowId();
                if (first == null) {
                    throw new InvalidRequestError("the database generated no key for the INSERT into "
                            + table.fullName() + "; is " + generatedKey.columnName + " its AUTO_INCREMENT column?");
                }
                Class<?> type = Conversions.boxed(generatedKey.fieldType);
                for (int i = 0; i < rows.size(); i++) {
                    Object key = Conversions.convert(first + i * keys.step(), type);
                    rows.get(i).inserting()[generatedKey.index] = key;
                    generatedKey.set(rows.get(i).instance, key);
                }
            }
        }
        List<Attribute> defaults = new ArrayList<>(fetched);
        defaults.remove(generatedKey);
        if (!defaults.isEmpty()) {
            readBack(conn, mapper, table, defaults, batch);
        }
        if (tell) {
            for (InstanceState s : batch) {
                session.inserted(s, s.inserting());
            }
        }
    }

    /** Reads the values the database made for new rows, by their keys: one SELECT (per row for a composite key). */
    private static void readBack(
            Connection conn, Mapper<?> mapper, Table table, List<Attribute> defaults, List<InstanceState> batch) {
        Attribute[] pk = mapper.primaryKey;
        List<ColumnElement<?>> selected = new ArrayList<>();
        for (Attribute a : pk) {
            selected.add(table.c(a.columnName));
        }
        for (Attribute a : defaults) {
            selected.add(table.c(a.columnName));
        }
        ColumnElement<?>[] select = selected.toArray(ColumnElement[]::new);
        List<Row> rows = new ArrayList<>();
        if (pk.length == 1) {
            List<Object> keys =
                    batch.stream().map(s -> s.inserting()[pk[0].index]).toList();
            rows.addAll(conn.execute(
                            Select.of(select).where(table.c(pk[0].columnName).in(keys)))
                    .all());
        } else {
            for (InstanceState s : batch) {
                List<ColumnElement<Boolean>> match = new ArrayList<>();
                for (Attribute a : pk) {
                    match.add(table.c(a.columnName).eq(s.inserting()[a.index]));
                }
                rows.addAll(conn.execute(Select.of(select).where(BooleanClauseList.and(match)))
                        .all());
            }
        }
        Map<List<Object>, Row> byKey = new HashMap<>();
        for (Row r : rows) {
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < pk.length; i++) {
                key.add(Conversions.convert(r.get(i), Conversions.boxed(pk[i].fieldType)));
            }
            byKey.put(key, r);
        }
        for (InstanceState s : batch) {
            Object[] values = s.inserting();
            List<Object> key = new ArrayList<>();
            for (Attribute a : pk) {
                key.add(values[a.index]);
            }
            Row row = byKey.get(key);
            if (row == null) {
                throw new StaleDataError("the row just inserted into " + table.fullName() + " with key " + key
                        + " was not found to read its server defaults");
            }
            for (int c = 0; c < defaults.size(); c++) {
                Attribute a = defaults.get(c);
                Object value = row.get(pk.length + c);
                values[a.index] = value;
                a.set(s.instance, value);
            }
        }
    }
}
