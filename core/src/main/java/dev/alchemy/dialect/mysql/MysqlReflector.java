package dev.alchemy.dialect.mysql;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a MySQL or MariaDB schema from {@code information_schema}. Type names are given in the form Alchemy's DDL
 * writes them ({@code INTEGER}, {@code NUMERIC(10, 2)}, {@code DATETIME(6)}), not MySQL's ({@code int(11)},
 * {@code decimal(10,2)}); a BOOL column reads as {@code TINYINT(1)}, which is what MySQL makes of it; MariaDB's JSON
 * column (a LONGTEXT with a {@code json_valid} check) reads as {@code JSON}, its check left out. The unique keys of a
 * table are its UNIQUE constraints, whether made by a constraint or by {@code CREATE UNIQUE INDEX}: MySQL does not
 * tell them apart. The indexes InnoDB makes by itself for a foreign key are left out, as they were never created.
 */
final class MysqlReflector implements SchemaReflector {

    private static final String SCHEMA = "coalesce(?, database())";
    private static final Pattern JSON_CHECK =
            Pattern.compile("^json_valid\\(`?([^`]+)`?\\)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)(.*)$");

    @Override
    public List<String> tableNames(Connection connection, @Nullable String schema) {
        List<String> names = new ArrayList<>();
        for (Row row : query(
                connection,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = " + SCHEMA
                        + " AND table_type IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY table_name",
                schema)) {
            names.add(text(row.get(0)));
        }
        return names;
    }

    @Override
    public List<ReflectedColumn> columns(Connection connection, @Nullable String schema, String table) {
        Set<String> json = jsonColumns(connection, schema, table);
        List<ReflectedColumn> columns = new ArrayList<>();
        for (Row row : query(
                connection,
                "SELECT c.column_name, c.column_type, c.is_nullable, c.column_default, c.extra,"
                        + " coalesce(k.ordinal_position, 0), c.data_type"
                        + " FROM information_schema.columns c LEFT JOIN information_schema.key_column_usage k"
                        + " ON k.table_schema = c.table_schema AND k.table_name = c.table_name"
                        + " AND k.column_name = c.column_name AND k.constraint_name = 'PRIMARY'"
                        + " WHERE c.table_schema = " + SCHEMA + " AND c.table_name = ? ORDER BY c.ordinal_position",
                schema,
                table)) {
            String name = text(row.get(0));
            String type = json.contains(name) ? "JSON" : typeName(text(row.get(1)));
            columns.add(new ReflectedColumn(
                    name,
                    type,
                    "YES".equals(text(row.get(2))),
                    serverDefault((String) row.get(3), text(row.get(4)), text(row.get(6))),
                    ((Number) Objects.requireNonNull(row.get(5), "ordinal_position")).intValue()));
        }
        return columns;
    }

    /**
     * The DEFAULT as SQL text. MariaDB reports it as SQL already ({@code 'new'}, {@code current_timestamp()}, and
     * {@code NULL} for none); MySQL 8 reports a string's bare text, and an expression's text with
     * {@code DEFAULT_GENERATED} in EXTRA.
     */
    private static @Nullable String serverDefault(@Nullable String value, String extra, String dataType) {
        if (value == null || value.equals("NULL")) {
            return null;
        }
        boolean mysqlBareText = !extra.contains("DEFAULT_GENERATED")
                && !value.startsWith("'")
                && Set.of(
                                "char",
                                "varchar",
                                "text",
                                "tinytext",
                                "mediumtext",
                                "longtext",
                                "enum",
                                "set",
                                "date",
                                "datetime",
                                "time",
                                "timestamp")
                        .contains(dataType.toLowerCase(Locale.ROOT))
                && !value.toLowerCase(Locale.ROOT).startsWith("current_timestamp");
        return mysqlBareText ? "'" + value.replace("'", "''") + "'" : value;
    }

    /** MariaDB's JSON columns: LONGTEXT with the {@code json_valid(col)} check MariaDB adds by itself. */
    private static Set<String> jsonColumns(Connection connection, @Nullable String schema, String table) {
        Set<String> json = new HashSet<>();
        for (ReflectedCheckConstraint check : checks(connection, schema, table)) {
            Matcher m = JSON_CHECK.matcher(check.sqlText().strip());
            if (m.matches() && m.group(1).equals(check.name())) {
                json.add(m.group(1));
            }
        }
        return json;
    }

    @Override
    public ReflectedPrimaryKey primaryKey(Connection connection, @Nullable String schema, String table) {
        List<String> columns = new ArrayList<>();
        for (Row row : query(
                connection,
                "SELECT column_name FROM information_schema.key_column_usage WHERE table_schema = " + SCHEMA
                        + " AND table_name = ? AND constraint_name = 'PRIMARY' ORDER BY ordinal_position",
                schema,
                table)) {
            columns.add(text(row.get(0)));
        }
        // every primary key of MySQL is called PRIMARY, whatever name the DDL gave it; SQLAlchemy reports none
        return new ReflectedPrimaryKey(null, columns);
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(Connection connection, @Nullable String schema, String table) {
        Map<String, List<Row>> byName = new LinkedHashMap<>();
        for (Row row : query(
                connection,
                "SELECT k.constraint_name, k.column_name, k.referenced_table_schema, k.referenced_table_name,"
                        + " k.referenced_column_name, r.delete_rule, r.update_rule, k.table_schema"
                        + " FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r"
                        + " ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name"
                        + " AND r.table_name = k.table_name"
                        + " WHERE k.table_schema = " + SCHEMA + " AND k.table_name = ?"
                        + " AND k.referenced_table_name IS NOT NULL ORDER BY k.constraint_name, k.ordinal_position",
                schema,
                table)) {
            byName.computeIfAbsent(text(row.get(0)), k -> new ArrayList<>()).add(row);
        }
        List<ReflectedForeignKey> result = new ArrayList<>();
        byName.forEach((name, rows) -> {
            Row first = rows.get(0);
            List<String> local = new ArrayList<>();
            List<String> remote = new ArrayList<>();
            for (Row r : rows) {
                local.add(text(r.get(1)));
                remote.add(text(r.get(4)));
            }
            String referredSchema = text(first.get(2));
            String ownSchema = text(first.get(7));
            result.add(new ReflectedForeignKey(
                    name,
                    local,
                    referredSchema.equals(ownSchema) && schema == null ? null : referredSchema,
                    text(first.get(3)),
                    remote,
                    action(text(first.get(5))),
                    action(text(first.get(6)))));
        });
        return result;
    }

    /** RESTRICT is what MySQL reports for a foreign key without an action; like NO ACTION, it is the default. */
    private static @Nullable String action(String rule) {
        return rule.equals("RESTRICT") || rule.equals("NO ACTION") ? null : rule;
    }

    @Override
    public List<ReflectedIndex> indexes(Connection connection, @Nullable String schema, String table) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Row row : query(
                connection,
                "SELECT s.index_name, s.column_name FROM information_schema.statistics s"
                        + " WHERE s.table_schema = " + SCHEMA + " AND s.table_name = ? AND s.non_unique = 1"
                        + " ORDER BY s.index_name, s.seq_in_index",
                schema,
                table)) {
            List<String> columns = byName.computeIfAbsent(text(row.get(0)), k -> new ArrayList<>());
            if (row.get(1) != null) {
                columns.add(text(row.get(1)));
            }
        }
        // InnoDB indexes a foreign key's columns by itself when no index starts with them, naming the index after
        // the constraint, or after the first column when the constraint had no name
        List<ReflectedForeignKey> foreignKeys = foreignKeys(connection, schema, table);
        List<ReflectedIndex> result = new ArrayList<>();
        byName.forEach((name, columns) -> {
            boolean implicit = foreignKeys.stream()
                    .anyMatch(fk -> fk.columns().equals(columns)
                            && (name.equals(fk.name())
                                    || name.equals(fk.columns().get(0))));
            if (!implicit) {
                result.add(new ReflectedIndex(name, columns, false));
            }
        });
        return result;
    }

    @Override
    public List<ReflectedUniqueConstraint> uniqueConstraints(
            Connection connection, @Nullable String schema, String table) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Row row : query(
                connection,
                "SELECT s.index_name, s.column_name FROM information_schema.statistics s"
                        + " WHERE s.table_schema = " + SCHEMA + " AND s.table_name = ? AND s.non_unique = 0"
                        + " AND s.index_name <> 'PRIMARY' ORDER BY s.index_name, s.seq_in_index",
                schema,
                table)) {
            byName.computeIfAbsent(text(row.get(0)), k -> new ArrayList<>()).add(text(row.get(1)));
        }
        List<ReflectedUniqueConstraint> result = new ArrayList<>();
        byName.forEach((name, columns) -> result.add(new ReflectedUniqueConstraint(name, columns)));
        return result;
    }

    @Override
    public List<ReflectedCheckConstraint> checkConstraints(
            Connection connection, @Nullable String schema, String table) {
        List<ReflectedCheckConstraint> result = new ArrayList<>();
        for (ReflectedCheckConstraint check : checks(connection, schema, table)) {
            Matcher m = JSON_CHECK.matcher(check.sqlText().strip());
            if (!(m.matches() && m.group(1).equals(check.name()))) {
                result.add(check);
            }
        }
        return result;
    }

    private static List<ReflectedCheckConstraint> checks(Connection connection, @Nullable String schema, String table) {
        List<ReflectedCheckConstraint> result = new ArrayList<>();
        for (Row row : query(
                connection,
                "SELECT cc.constraint_name, cc.check_clause FROM information_schema.table_constraints tc"
                        + " JOIN information_schema.check_constraints cc ON cc.constraint_schema = tc.constraint_schema"
                        + " AND cc.constraint_name = tc.constraint_name"
                        + " WHERE tc.table_schema = " + SCHEMA + " AND tc.table_name = ?"
                        + " AND tc.constraint_type = 'CHECK' ORDER BY tc.constraint_name",
                schema,
                table)) {
            result.add(new ReflectedCheckConstraint(text(row.get(0)), text(row.get(1))));
        }
        return result;
    }

    /** {@code int(11)} → {@code INTEGER}, {@code decimal(10,2)} → {@code NUMERIC(10, 2)}, as Alchemy's DDL writes. */
    static String typeName(String columnType) {
        String t = columnType.strip().toLowerCase(Locale.ROOT);
        Matcher width = WIDTH.matcher(t);
        if (width.matches() && !t.startsWith("tinyint(1)")) {
            t = width.group(1) + width.group(2); // display widths mean nothing (MySQL 8 no longer shows them)
        }
        String args = "";
        String base = t;
        String suffix = "";
        int paren = t.indexOf('(');
        if (paren >= 0) {
            int close = t.indexOf(')', paren);
            args = "(" + t.substring(paren + 1, close).replace(",", ", ") + ")";
            base = t.substring(0, paren);
            suffix = t.substring(close + 1);
        }
        String mapped = switch (base) {
            case "int" -> "INTEGER";
            case "decimal" -> "NUMERIC";
            default -> base.toUpperCase(Locale.ROOT);
        };
        return mapped + args + suffix.toUpperCase(Locale.ROOT);
    }

    private static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
    }

    private static List<Row> query(Connection connection, String sql, @Nullable String schema) {
        return connection
                .execute(d -> new CompiledStatement(sql, List.of(BoundParameter.of("schema", schema, null)), null))
                .all();
    }

    private static List<Row> query(Connection connection, String sql, @Nullable String schema, String table) {
        return connection
                .execute(d -> new CompiledStatement(
                        sql,
                        List.of(BoundParameter.of("schema", schema, null), BoundParameter.of("table", table, null)),
                        null))
                .all();
    }
}
