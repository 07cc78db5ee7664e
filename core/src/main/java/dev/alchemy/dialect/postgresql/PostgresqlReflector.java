package dev.alchemy.dialect.postgresql;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog}, as SQLAlchemy's PostgreSQL dialect does. Type names are given
 * in the form Alchemy's DDL writes them ({@code VARCHAR(50)}, not {@code character varying(50)}).
 */
final class PostgresqlReflector implements SchemaReflector {

    private static final String TABLE_OID = "(SELECT c.oid FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = coalesce(CAST(? AS TEXT), current_schema()) AND c.relname = ?"
            + " AND c.relkind IN ('r', 'p'))";

    private static final Pattern CHECK = Pattern.compile("^CHECK *\\((.+)\\)( NOT VALID)?$", Pattern.DOTALL);
    private static final Pattern PARENTHESIZED = Pattern.compile("^\\s*\\((.+)\\)\\s*$", Pattern.DOTALL);

    @Override
    public List<String> tableNames(Connection connection, @Nullable String schema) {
        List<String> names = new ArrayList<>();
        for (Row row : query(
                connection,
                "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = coalesce(CAST(? AS TEXT), current_schema()) AND c.relkind IN ('r', 'p')"
                        + " ORDER BY c.relname",
                schema)) {
            names.add((String) row.get(0));
        }
        return names;
    }

    @Override
    public List<ReflectedColumn> columns(Connection connection, @Nullable String schema, String table) {
        List<ReflectedColumn> columns = new ArrayList<>();
        for (Row row : query(
                connection,
                "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                        + " pg_catalog.pg_get_expr(d.adbin, d.adrelid),"
                        + " coalesce(array_position(pk.conkey, a.attnum), 0)"
                        + " FROM pg_catalog.pg_attribute a"
                        + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                        + " LEFT JOIN pg_catalog.pg_constraint pk ON pk.conrelid = a.attrelid AND pk.contype = 'p'"
                        + " WHERE a.attrelid = " + TABLE_OID + " AND a.attnum > 0 AND NOT a.attisdropped"
                        + " ORDER BY a.attnum",
                schema,
                table)) {
            columns.add(new ReflectedColumn(
                    (String) Objects.requireNonNull(row.get(0), "attname"),
                    typeName((String) Objects.requireNonNull(row.get(1), "format_type")),
                    !Boolean.TRUE.equals(row.get(2)),
                    (String) row.get(3),
                    ((Number) Objects.requireNonNull(row.get(4), "attnum")).intValue()));
        }
        return columns;
    }

    @Override
    public ReflectedPrimaryKey primaryKey(Connection connection, @Nullable String schema, String table) {
        String name = null;
        List<String> columns = new ArrayList<>();
        for (Row row : query(
                connection,
                "SELECT con.conname, a.attname FROM pg_catalog.pg_constraint con"
                        + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
                        + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum"
                        + " WHERE con.conrelid = " + TABLE_OID + " AND con.contype = 'p' ORDER BY k.ord",
                schema,
                table)) {
            name = (String) row.get(0);
            columns.add((String) row.get(1));
        }
        return new ReflectedPrimaryKey(name, columns);
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(Connection connection, @Nullable String schema, String table) {
        Map<String, List<Row>> byName = new LinkedHashMap<>();
        for (Row row : query(
                connection,
                "SELECT con.conname, la.attname, rn.nspname, rc.relname, ra.attname, con.confdeltype,"
                        + " con.confupdtype, pg_catalog.pg_table_is_visible(rc.oid)"
                        + " FROM pg_catalog.pg_constraint con"
                        + " CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(l, r, ord)"
                        + " JOIN pg_catalog.pg_attribute la ON la.attrelid = con.conrelid AND la.attnum = k.l"
                        + " JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid"
                        + " JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace"
                        + " JOIN pg_catalog.pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.r"
                        + " WHERE con.conrelid = " + TABLE_OID + " AND con.contype = 'f'"
                        + " ORDER BY con.conname, k.ord",
                schema,
                table)) {
            byName.computeIfAbsent((String) row.get(0), k -> new ArrayList<>()).add(row);
        }
        List<ReflectedForeignKey> result = new ArrayList<>();
        byName.forEach((name, rows) -> {
            Row first = rows.get(0);
            List<String> local = new ArrayList<>();
            List<String> remote = new ArrayList<>();
            for (Row r : rows) {
                local.add((String) r.get(1));
                remote.add((String) r.get(4));
            }
            // SQLAlchemy's rule: the referred schema as pg_get_constraintdef() writes it, i.e. named only when the
            // search path does not find the table, or when it is the schema asked for
            String referredSchema = (String) Objects.requireNonNull(first.get(2), "nspname");
            boolean visible = Boolean.TRUE.equals(first.get(7));
            result.add(new ReflectedForeignKey(
                    name,
                    local,
                    !visible || referredSchema.equals(schema) ? referredSchema : null,
                    (String) Objects.requireNonNull(first.get(3), "relname"),
                    remote,
                    action(first.get(5)),
                    action(first.get(6))));
        });
        return result;
    }

    private static @Nullable String action(@Nullable Object code) {
        String c = code == null ? "a" : code.toString();
        return switch (c) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> null; // 'a': NO ACTION, the default
        };
    }

    @Override
    public List<ReflectedIndex> indexes(Connection connection, @Nullable String schema, String table) {
        Map<String, List<Row>> byName = new LinkedHashMap<>();
        for (Row row : query(
                connection,
                "SELECT ic.relname, i.indisunique, a.attname FROM pg_catalog.pg_index i"
                        + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
                        + " CROSS JOIN LATERAL unnest(CAST(i.indkey AS int2[])) WITH ORDINALITY AS k(attnum, ord)"
                        + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                        + " WHERE i.indrelid = " + TABLE_OID + " AND k.ord <= i.indnkeyatts"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con"
                        + " WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))"
                        + " ORDER BY ic.relname, k.ord",
                schema,
                table)) {
            byName.computeIfAbsent((String) row.get(0), k -> new ArrayList<>()).add(row);
        }
        List<ReflectedIndex> result = new ArrayList<>();
        byName.forEach((name, rows) -> {
            List<String> columns = new ArrayList<>();
            for (Row r : rows) {
                if (r.get(2) != null) {
                    columns.add((String) r.get(2));
                }
            }
            result.add(new ReflectedIndex(
                    name, columns, Boolean.TRUE.equals(rows.get(0).get(1))));
        });
        return result;
    }

    @Override
    public List<ReflectedUniqueConstraint> uniqueConstraints(
            Connection connection, @Nullable String schema, String table) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Row row : query(
                connection,
                "SELECT con.conname, a.attname FROM pg_catalog.pg_constraint con"
                        + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
                        + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum"
                        + " WHERE con.conrelid = " + TABLE_OID + " AND con.contype = 'u'"
                        + " ORDER BY con.conname, k.ord",
                schema,
                table)) {
            byName.computeIfAbsent((String) row.get(0), k -> new ArrayList<>()).add((String) row.get(1));
        }
        List<ReflectedUniqueConstraint> result = new ArrayList<>();
        byName.forEach((name, columns) -> result.add(new ReflectedUniqueConstraint(name, columns)));
        return result;
    }

    @Override
    public List<ReflectedCheckConstraint> checkConstraints(
            Connection connection, @Nullable String schema, String table) {
        List<ReflectedCheckConstraint> result = new ArrayList<>();
        for (Row row : query(
                connection,
                "SELECT con.conname, pg_catalog.pg_get_constraintdef(con.oid) FROM pg_catalog.pg_constraint con"
                        + " WHERE con.conrelid = " + TABLE_OID + " AND con.contype = 'c' ORDER BY con.conname",
                schema,
                table)) {
            String definition = (String) row.get(1);
            Matcher m = CHECK.matcher(definition);
            String text = m.matches() ? m.group(1) : definition;
            Matcher inner = PARENTHESIZED.matcher(text);
            String innerText = inner.matches() ? inner.group(1) : text;
            result.add(new ReflectedCheckConstraint(
                    (String) row.get(0), Objects.requireNonNull(innerText, "the constraint's text")));
        }
        return result;
    }

    /** {@code character varying(50)} → {@code VARCHAR(50)}, as SQLAlchemy's reflected types print. */
    static String typeName(String formatted) {
        String t = formatted.strip();
        String args = "";
        int paren = t.indexOf('(');
        String base = t;
        String suffix = "";
        if (paren >= 0) {
            int close = t.indexOf(')', paren);
            args = "(" + t.substring(paren + 1, close).replace(",", ", ").replace(",  ", ", ") + ")";
            base = t.substring(0, paren);
            suffix = t.substring(close + 1);
        }
        String mapped = switch (base + suffix) {
            case "integer" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "smallint" -> "SMALLINT";
            case "character varying" -> "VARCHAR";
            case "character" -> "CHAR";
            case "text" -> "TEXT";
            case "boolean" -> "BOOLEAN";
            case "numeric" -> "NUMERIC";
            case "real" -> "REAL";
            case "double precision" -> "DOUBLE PRECISION";
            case "date" -> "DATE";
            case "bytea" -> "BYTEA";
            case "uuid" -> "UUID";
            case "json" -> "JSON";
            case "jsonb" -> "JSONB";
            case "interval" -> "INTERVAL";
            case "timestamp without time zone",
                    "timestamp with time zone",
                    "time without time zone",
                    "time with time zone" -> (base + suffix).toUpperCase(Locale.ROOT);
            default -> null;
        };
        if (mapped == null) {
            return t; // a user-defined type (an enum's name), or one this list does not know
        }
        if (mapped.startsWith("TIMESTAMP") || mapped.startsWith("TIME ")) {
            // timestamp(3) without time zone → TIMESTAMP(3) WITHOUT TIME ZONE
            int space = mapped.indexOf(' ');
            return mapped.substring(0, space) + args + mapped.substring(space);
        }
        return mapped + args;
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
