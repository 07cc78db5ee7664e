package dev.alchemy.dialect.sqlite;

import dev.alchemy.dialect.ReflectedCheckConstraint;
import dev.alchemy.dialect.ReflectedColumn;
import dev.alchemy.dialect.ReflectedForeignKey;
import dev.alchemy.dialect.ReflectedIndex;
import dev.alchemy.dialect.ReflectedPrimaryKey;
import dev.alchemy.dialect.ReflectedUniqueConstraint;
import dev.alchemy.dialect.SchemaReflector;
import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads a SQLite schema as SQLAlchemy's SQLite dialect does: {@code PRAGMA table_xinfo / foreign_key_list /
 * index_list / index_info} (in {@code main}, then {@code temp}), and the CREATE TABLE text in {@code sqlite_master}
 * for constraint names and CHECK conditions.
 */
final class SqliteReflector implements SchemaReflector {

    @Override
    public List<String> tableNames(Connection connection, @Nullable String schema) {
        String master = schema == null ? "sqlite_master" : quote(schema) + ".sqlite_master";
        List<String> names = new ArrayList<>();
        for (Row row : run(
                connection,
                "SELECT name FROM " + master
                        + " WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name")) {
            names.add(string(row, 0));
        }
        return names;
    }

    @Override
    public List<ReflectedColumn> columns(Connection connection, @Nullable String schema, String table) {
        List<ReflectedColumn> columns = new ArrayList<>();
        for (Row row : pragma(connection, schema, "table_xinfo", table)) {
            // hidden: 0 normal, 1 hidden column of a virtual table, 2/3 generated columns (kept, as SQLAlchemy does)
            if (integer(row, 6) == 1) {
                continue;
            }
            columns.add(new ReflectedColumn(
                    string(row, 1), string(row, 2), integer(row, 3) == 0, nullableString(row, 4), integer(row, 5)));
        }
        return columns;
    }

    @Override
    public ReflectedPrimaryKey primaryKey(Connection connection, @Nullable String schema, String table) {
        Map<Integer, String> byPosition = new TreeMap<>();
        for (ReflectedColumn c : columns(connection, schema, table)) {
            if (c.primaryKey() > 0) {
                byPosition.put(c.primaryKey(), c.name());
            }
        }
        String name = null;
        for (SqliteTableSql.Found f : parsed(connection, schema, table)) {
            if (f.kind() == SqliteTableSql.Kind.PRIMARY_KEY) {
                name = f.name();
            }
        }
        return new ReflectedPrimaryKey(byPosition.isEmpty() ? null : name, List.copyOf(byPosition.values()));
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(Connection connection, @Nullable String schema, String table) {
        // PRAGMA rows: id, seq, table, from, to, on_update, on_delete, match; several rows per composite key
        Map<Integer, List<Row>> byId = new TreeMap<>(Comparator.reverseOrder());
        for (Row row : pragma(connection, schema, "foreign_key_list", table)) {
            byId.computeIfAbsent(integer(row, 0), k -> new ArrayList<>()).add(row);
        }
        Map<String, ReflectedForeignKey> bySignature = new LinkedHashMap<>();
        for (List<Row> rows : byId.values()) {
            rows.sort(Comparator.comparingInt(r -> integer(r, 1)));
            String referred = string(rows.get(0), 2);
            List<String> local = new ArrayList<>();
            List<String> remote = new ArrayList<>();
            for (Row r : rows) {
                local.add(string(r, 3));
                remote.add(nullableString(r, 4));
            }
            if (remote.contains(null)) {
                // "REFERENCES parent" without columns means the parent's primary key
                remote =
                        new ArrayList<>(primaryKey(connection, schema, referred).columns());
            }
            ReflectedForeignKey fk = new ReflectedForeignKey(
                    null,
                    local,
                    null,
                    referred,
                    remote,
                    action(string(rows.get(0), 6)),
                    action(string(rows.get(0), 5)));
            bySignature.put(signature(local, referred, remote), fk);
        }
        // in the order the CREATE TABLE text gives them, with their names; anything unmatched last
        List<ReflectedForeignKey> result = new ArrayList<>();
        for (SqliteTableSql.Found f : parsed(connection, schema, table)) {
            if (f.kind() != SqliteTableSql.Kind.FOREIGN_KEY || f.referredTable() == null) {
                continue;
            }
            List<String> remote = f.referredColumns();
            ReflectedForeignKey fk = bySignature.remove(signature(f.columns(), f.referredTable(), remote));
            if (fk == null && remote.isEmpty()) {
                remote = primaryKey(connection, schema, f.referredTable()).columns();
                fk = bySignature.remove(signature(f.columns(), f.referredTable(), remote));
            }
            if (fk != null) {
                result.add(new ReflectedForeignKey(
                        f.name(),
                        fk.columns(),
                        null,
                        fk.referredTable(),
                        fk.referredColumns(),
                        fk.onDelete(),
                        fk.onUpdate()));
            }
        }
        result.addAll(bySignature.values());
        return result;
    }

    private static String signature(List<String> local, String referred, List<@Nullable String> remote) {
        List<String> folded = new ArrayList<>();
        remote.forEach(r -> folded.add(r == null ? "" : SqliteTableSql.fold(r)));
        return local.stream().map(SqliteTableSql::fold).toList() + "->" + SqliteTableSql.fold(referred) + folded;
    }

    private static @Nullable String action(@Nullable String action) {
        return action == null || action.equalsIgnoreCase("NO ACTION")
                ? null
                : action.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public List<ReflectedIndex> indexes(Connection connection, @Nullable String schema, String table) {
        // PRAGMA index_list rows: seq, name, unique, origin ('c' CREATE INDEX, 'u' UNIQUE, 'pk'), partial
        List<ReflectedIndex> indexes = new ArrayList<>();
        for (Row row : pragma(connection, schema, "index_list", table)) {
            String name = string(row, 1);
            if (name.startsWith("sqlite_autoindex") || !"c".equals(nullableString(row, 3))) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (Row info : pragma(connection, schema, "index_info", name)) {
                String column = nullableString(info, 2);
                if (column != null) {
                    columns.add(column);
                }
            }
            indexes.add(new ReflectedIndex(name, columns, integer(row, 2) == 1));
        }
        indexes.sort(Comparator.comparing(ReflectedIndex::name));
        return indexes;
    }

    @Override
    public List<ReflectedUniqueConstraint> uniqueConstraints(
            Connection connection, @Nullable String schema, String table) {
        List<ReflectedUniqueConstraint> result = new ArrayList<>();
        for (SqliteTableSql.Found f : parsed(connection, schema, table)) {
            if (f.kind() == SqliteTableSql.Kind.UNIQUE) {
                result.add(new ReflectedUniqueConstraint(f.name(), f.columns()));
            }
        }
        return result;
    }

    @Override
    public List<ReflectedCheckConstraint> checkConstraints(
            Connection connection, @Nullable String schema, String table) {
        List<ReflectedCheckConstraint> result = new ArrayList<>();
        for (SqliteTableSql.Found f : parsed(connection, schema, table)) {
            if (f.kind() == SqliteTableSql.Kind.CHECK && f.checkText() != null) {
                result.add(new ReflectedCheckConstraint(f.name(), f.checkText()));
            }
        }
        return result;
    }

    private List<SqliteTableSql.Found> parsed(Connection connection, @Nullable String schema, String table) {
        String sql = schema == null
                ? "SELECT sql FROM (SELECT * FROM sqlite_master UNION ALL SELECT * FROM sqlite_temp_master)"
                        + " WHERE name = ? AND type = 'table'"
                : "SELECT sql FROM " + quote(schema) + ".sqlite_master WHERE name = ? AND type = 'table'";
        Row row = connection
                .execute(d -> new CompiledStatement(sql, List.of(BoundParameter.of("name", table, null)), null))
                .first();
        String text = row == null ? null : nullableString(row, 0);
        return text == null ? List.of() : SqliteTableSql.parse(text);
    }

    /** {@code PRAGMA main.x("t")}, then {@code temp}, as SQLAlchemy runs it; or the given schema only. */
    private static List<Row> pragma(Connection connection, @Nullable String schema, String pragma, String argument) {
        List<String> databases = schema == null ? List.of("main", "temp") : List.of(quote(schema));
        for (String db : databases) {
            List<Row> rows = run(connection, "PRAGMA " + db + "." + pragma + "(" + quote(argument) + ")");
            if (!rows.isEmpty()) {
                return rows;
            }
        }
        return List.of();
    }

    private static List<Row> run(Connection connection, String sql) {
        return connection
                .execute(d -> new CompiledStatement(sql, List.of(), null))
                .all();
    }

    /** Always double-quoted, as SQLAlchemy's {@code quote_identifier} does for PRAGMA arguments. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String string(Row row, int index) {
        Object value = row.get(index);
        return value == null ? "" : value.toString();
    }

    private static @Nullable String nullableString(Row row, int index) {
        Object value = row.get(index);
        return value == null ? null : value.toString();
    }

    private static int integer(Row row, int index) {
        Object value = row.get(index);
        return value instanceof Number n ? n.intValue() : value == null ? 0 : Integer.parseInt(value.toString());
    }
}
