package dev.alchemy.orm.internal.flush;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Conversions;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.BindParam;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Update;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The UPDATEs and DELETEs of one flush, as SQLAlchemy's {@code persistence.py}: UPDATEs with the same changed columns
 * go in one executemany, DELETEs likewise; a version column or a missing row makes the matched count fall short,
 * which raises {@link StaleDataError}.
 */
final class Persistence {

    private final FlushContext session;

    Persistence(FlushContext session) {
        this.session = session;
    }

    /**
     * An UPDATE to make: an object, the indexes of its changed attributes, and its stored values now.
     *
     * @param state the object
     * @param changed the indexes of the attributes that changed
     * @param current the stored values now
     */
    record Change(InstanceState state, int[] changed, Object[] current) {}

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

    /** The indexes of the attributes an UPDATE sets, compared by content. */
    void update(Connection conn, Mapper<?> mapper, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (!mapper.isJoined()) {
            update(conn, mapper, mapper.table, mapper.version, changes, true);
            return;
        }
        // joined-table inheritance: an UPDATE per table whose columns changed, the base's first; the base's row gets
        // one whenever the version column is there to check and advance
        List<Table> tables = mapper.tables();
        for (int t = 0; t < tables.size(); t++) {
            Table table = tables.get(t);
            List<Change> part = new ArrayList<>();
            for (Change c : changes) {
                int[] changed = Arrays.stream(c.changed)
                        .filter(i -> mapper.tableOf(mapper.attributes.get(i)) == table)
                        .toArray();
                if (changed.length > 0 || (t == 0 && mapper.version != null)) {
                    part.add(new Change(c.state, changed, c.current));
                }
            }
            if (!part.isEmpty()) {
                update(conn, mapper, table, t == 0 ? mapper.version : null, part, false);
            }
        }
        for (Change c : changes) {
            session.updated(c.state, c.current);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void update(
            Connection conn,
            Mapper<?> mapper,
            Table table,
            @Nullable Attribute version,
            List<Change> changes,
            boolean tell) {
        Map<ChangedColumns, List<Change>> groups = new LinkedHashMap<>(); // one UPDATE per set of changed columns
        int[] lastChanged = null;
        List<Change> lastGroup = null;
        for (Change c : changes) {
            if (c.changed != lastChanged) { // runs of objects changed alike share their array (UnitOfWork.changes)
                lastChanged = c.changed;
                lastGroup = groups.computeIfAbsent(new ChangedColumns(c.changed), k -> new ArrayList<>());
            }
            Objects.requireNonNull(lastGroup).add(c);
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
            WhereNames where = WhereNames.of(table, mapper, version);
            Update update = Update.of(table).values(set).where(keyCondition(table, mapper, version, where));
            // the row's names: the changed columns, the key's parameters, then the version's new and old value
            int keys = mapper.primaryKey.length;
            boolean versionSet = version != null && !contains(changed, version.index);
            String[] names = new String[changed.length + keys + (version == null ? 0 : versionSet ? 2 : 1)];
            for (int j = 0; j < changed.length; j++) {
                names[j] = mapper.attributes.get(changed[j]).columnName;
            }
            for (int k = 0; k < keys; k++) {
                names[changed.length + k] = where.keys[k];
            }
            int versionAt = -1;
            if (version != null) {
                names[changed.length + keys] = Objects.requireNonNull(where.version);
                versionAt = versionSet ? names.length - 1 : indexOf(changed, version.index);
                if (versionSet) {
                    names[versionAt] = version.columnName;
                }
            }
            List<Map<String, Object>> parameterSets = new ArrayList<>(group.size());
            for (Change c : group) {
                RowParameters params = new RowParameters(names);
                for (int j = 0; j < changed.length; j++) {
                    params.set(j, c.current[changed[j]]);
                }
                Object[] snapshot = Objects.requireNonNull(c.state.snapshot()); // an UPDATE is of a loaded row
                for (int k = 0; k < keys; k++) {
                    params.set(changed.length + k, snapshot[mapper.primaryKey[k].index]);
                }
                if (version != null) {
                    params.set(changed.length + keys, snapshot[version.index]);
                    Object next = nextVersion(snapshot[version.index], version);
                    params.set(versionAt, next);
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
                if (tell) {
                    session.updated(c.state, c.current);
                }
            }
        }
    }

    private static boolean contains(int[] indexes, int index) {
        return indexOf(indexes, index) >= 0;
    }

    private static int indexOf(int[] indexes, int index) {
        for (int i = 0; i < indexes.length; i++) {
            if (indexes[i] == index) {
                return i;
            }
        }
        return -1;
    }

    private static Object nextVersion(@Nullable Object current, Attribute version) {
        long next = current == null ? 1 : ((Number) current).longValue() + 1;
        return Objects.requireNonNull(Conversions.convert(next, Conversions.boxed(version.sqlType.javaType())));
    }

    /**
     * The names of the WHERE clause's parameters of an UPDATE or DELETE of one table: the key's stored values ({@code
     * pk_id}) and the version's ({@code version_version}). The SET clause's parameters are named by their columns, so
     * each of these is made unlike every column name of the table ({@code pk_id_1} when the table has a column {@code
     * pk_id}, as SQLAlchemy's labels are). With the same name twice, only the identity of the two name strings kept
     * the column's new value from binding in place of the key, which would write the change into another row.
     */
    static final class WhereNames {
        final String[] keys;
        final @Nullable String version;

        private WhereNames(String[] keys, @Nullable String version) {
            this.keys = keys;
            this.version = version;
        }

        static WhereNames of(Table table, Mapper<?> mapper, @Nullable Attribute version) {
            Set<String> taken = new HashSet<>();
            for (Column<?> c : table.columns()) {
                taken.add(c.name());
            }
            String[] keys = new String[mapper.primaryKey.length];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = unlike(taken, "pk_" + mapper.primaryKey[k].columnName);
            }
            return new WhereNames(keys, version == null ? null : unlike(taken, "version_" + version.columnName));
        }

        /**
         * The name, or the first of {@code name_1}, {@code name_2}, ... not taken. Interned: every flush then names
         * the parameter with the string the cached statement was compiled with, which the rows' parameters match
         * before comparing characters ({@link RowParameters}).
         */
        private static String unlike(Set<String> taken, String name) {
            String unique = name;
            for (int n = 1; !taken.add(unique); n++) {
                unique = name + "_" + n;
            }
            return unique.intern();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ColumnElement<Boolean>[] keyCondition(
            Table table, Mapper<?> mapper, @Nullable Attribute version, WhereNames names) {
        List<ColumnElement<Boolean>> conditions = new ArrayList<>();
        for (int k = 0; k < mapper.primaryKey.length; k++) {
            Attribute pk = mapper.primaryKey[k];
            conditions.add(
                    table.c(pk.columnName).eq((ColumnElement) BindParam.required(names.keys[k], (SqlType) pk.sqlType)));
        }
        if (version != null) {
            conditions.add(table.c(version.columnName).eq((ColumnElement)
                    BindParam.required(Objects.requireNonNull(names.version), (SqlType) version.sqlType)));
        }
        return conditions.toArray(ColumnElement[]::new);
    }

    private static void keyParameters(
            Mapper<?> mapper,
            @Nullable Attribute version,
            WhereNames names,
            Object[] snapshot,
            Map<String, Object> params) {
        for (int k = 0; k < mapper.primaryKey.length; k++) {
            params.put(names.keys[k], snapshot[mapper.primaryKey[k].index]);
        }
        if (version != null) {
            params.put(Objects.requireNonNull(names.version), snapshot[version.index]);
        }
    }

    void delete(Connection conn, Mapper<?> mapper, List<InstanceState> states) {
        // joined-table inheritance: the subclass's row before its superclass's, the base's (with the version) last
        List<Table> tables = mapper.tables();
        for (int t = tables.size() - 1; t >= 0; t--) {
            delete(conn, mapper, tables.get(t), t == 0 ? mapper.version : null, states);
        }
        for (InstanceState s : states) {
            session.deletedRow(s);
        }
    }

    private void delete(
            Connection conn, Mapper<?> mapper, Table table, @Nullable Attribute version, List<InstanceState> states) {
        WhereNames names = WhereNames.of(table, mapper, version);
        Delete delete = Delete.from(table).where(keyCondition(table, mapper, version, names));
        List<Map<String, Object>> parameterSets = new ArrayList<>(states.size());
        Attribute single = mapper.primaryKey.length == 1 && version == null ? mapper.primaryKey[0] : null;
        for (InstanceState s : states) {
            Object[] snapshot = Objects.requireNonNull(s.snapshot());
            if (single != null && snapshot[single.index] != null) {
                parameterSets.add(Map.of(names.keys[0], snapshot[single.index]));
                continue;
            }
            Map<String, Object> params = new HashMap<>();
            keyParameters(mapper, version, names, snapshot, params);
            parameterSets.add(params);
        }
        long matched = conn.execute(delete, parameterSets).rowcount();
        if (matched != states.size()) {
            throw new StaleDataError("DELETE statement on table '" + table.fullName() + "' expected to delete "
                    + states.size() + " row(s); " + matched + " were matched. The row of a "
                    + mapper.type.getSimpleName()
                    + " was changed or deleted by another transaction since it was loaded.");
        }
    }
}
