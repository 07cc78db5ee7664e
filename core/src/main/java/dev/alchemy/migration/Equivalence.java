package dev.alchemy.migration;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * When the models' text and the database's text mean the same: types (PostgreSQL's {@code TIMESTAMP} is its
 * {@code TIMESTAMP WITHOUT TIME ZONE}, {@code FLOAT} its {@code DOUBLE PRECISION}), server defaults (PostgreSQL
 * keeps {@code 'new'::character varying} for {@code 'new'}) and CHECK conditions (PostgreSQL adds parentheses and
 * casts). Alembic's {@code compare_type} and {@code compare_server_default} do the same per dialect.
 */
final class Equivalence {

    private static final Pattern CAST =
            Pattern.compile("::\\s*\"?[A-Za-z_][\\w ]*\"?(\\(\\d+(\\s*,\\s*\\d+)?\\))?(\\[\\])?");
    private static final Pattern FLOAT = Pattern.compile("FLOAT\\((\\d+)\\)");
    private static final Pattern MYSQL_DECIMAL = Pattern.compile("(DECIMAL|NUMERIC)\\((\\d+)(?:,(\\d+))?\\)");
    /** MySQL's and MariaDB's spellings of the current time: {@code current_timestamp(6)}, {@code now()}. */
    private static final Pattern MYSQL_NOW =
            Pattern.compile("(CURRENT_TIMESTAMP|NOW|LOCALTIMESTAMP|LOCALTIME)(\\(\\d*\\))?", Pattern.CASE_INSENSITIVE);

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private Equivalence() {}

    static boolean sameType(String dialect, String model, String database) {
        return canonicalType(dialect, model).equals(canonicalType(dialect, database));
    }

    static String canonicalType(String dialect, String type) {
        String t = type.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        t = t.replaceAll("\\s*\\(\\s*", "(").replaceAll("\\s*,\\s*", ",").replaceAll("\\s*\\)", ")");
        if (isMysql(dialect)) {
            return mysqlType(t);
        }
        if (!dialect.equals("postgresql")) {
            return t;
        }
        Matcher f = FLOAT.matcher(t);
        if (f.matches()) {
            return Integer.parseInt(f.group(1)) <= 24 ? "REAL" : "DOUBLE PRECISION";
        }
        return switch (t) {
            case "INT", "INT4" -> "INTEGER";
            case "INT8" -> "BIGINT";
            case "INT2" -> "SMALLINT";
            case "FLOAT", "FLOAT8" -> "DOUBLE PRECISION";
            case "FLOAT4" -> "REAL";
            case "BOOL" -> "BOOLEAN";
            case "DECIMAL" -> "NUMERIC";
            case "CHAR", "CHARACTER" -> "CHAR(1)";
            case "TIMESTAMP", "DATETIME" -> "TIMESTAMP WITHOUT TIME ZONE";
            case "TIMESTAMPTZ" -> "TIMESTAMP WITH TIME ZONE";
            case "TIME" -> "TIME WITHOUT TIME ZONE";
            case "TIMETZ" -> "TIME WITH TIME ZONE";
            default ->
                t.startsWith("DECIMAL(")
                        ? "NUMERIC" + t.substring("DECIMAL".length())
                        : t.startsWith("CHARACTER VARYING") ? "VARCHAR" + t.substring("CHARACTER VARYING".length()) : t;
        };
    }

    static boolean isMysql(String dialect) {
        return dialect.equals("mysql") || dialect.equals("mariadb");
    }

    /**
     * MySQL's and MariaDB's names for one type: BOOL is kept as {@code TINYINT(1)}, {@code FLOAT(p)} is a 4-byte
     * FLOAT up to 24 bits and a DOUBLE beyond, {@code NUMERIC(p)} is {@code DECIMAL(p,0)}, {@code REAL} and
     * {@code DOUBLE PRECISION} are DOUBLE, {@code INT} is INTEGER.
     */
    private static String mysqlType(String t) {
        Matcher f = FLOAT.matcher(t);
        if (f.matches()) {
            return Integer.parseInt(f.group(1)) <= 24 ? "FLOAT" : "DOUBLE";
        }
        Matcher n = MYSQL_DECIMAL.matcher(t);
        if (n.matches()) {
            return "NUMERIC(" + n.group(2) + "," + (n.group(3) == null ? "0" : n.group(3)) + ")";
        }
        return switch (t) {
            case "BOOL", "BOOLEAN" -> "TINYINT(1)";
            case "INT" -> "INTEGER";
            case "REAL", "DOUBLE PRECISION" -> "DOUBLE";
            case "DECIMAL", "NUMERIC" -> "NUMERIC(10,0)";
            case "CHAR", "CHARACTER" -> "CHAR(1)";
            case "DATETIME" -> "DATETIME(0)";
            case "TIME" -> "TIME(0)";
            case "TIMESTAMP" -> "TIMESTAMP(0)";
            default -> t.startsWith("CHARACTER VARYING") ? "VARCHAR" + t.substring("CHARACTER VARYING".length()) : t;
        };
    }

    static boolean sameDefault(String dialect, @Nullable String model, @Nullable String database) {
        if (model == null || database == null) {
            return model == null && database == null;
        }
        return canonicalDefault(dialect, model).equals(canonicalDefault(dialect, database));
    }

    static String canonicalDefault(String dialect, String text) {
        String t = text.strip();
        if (dialect.equals("postgresql")) {
            t = CAST.matcher(t).replaceAll("");
        }
        t = unwrap(t);
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            String inner = t.substring(1, t.length() - 1);
            // PostgreSQL keeps DEFAULT -1 as '-1'::integer
            return NUMBER.matcher(inner).matches() ? inner : t;
        }
        if (isMysql(dialect) && MYSQL_NOW.matcher(t).matches()) {
            // MariaDB keeps DEFAULT CURRENT_TIMESTAMP of a DATETIME(6) as current_timestamp(6): the column's precision
            return "CURRENT_TIMESTAMP";
        }
        String upper = t.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "NOW()", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP()" -> "CURRENT_TIMESTAMP";
            case "TRUE", "FALSE", "NULL", "CURRENT_DATE", "CURRENT_TIME" -> upper;
            default -> t;
        };
    }

    static boolean sameCheck(String model, String database) {
        return canonicalCheck(model).equals(canonicalCheck(database));
    }

    /** Without casts, parentheses, whitespace, quotes (MariaDB's backticks) and case: crude, but only to see two texts as one condition. */
    static String canonicalCheck(String text) {
        String t = CAST.matcher(text).replaceAll("");
        return t.replaceAll("[()\\s\"`]", "").toLowerCase(Locale.ROOT);
    }

    private static String unwrap(String text) {
        String t = text;
        while (t.length() >= 2 && t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
