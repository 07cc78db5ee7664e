package dev.alchemy.reliability;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a database holds, as text that two dumps can be compared by: each table's definition (its columns
 * and their types) and its rows ordered by primary key, every value with its Java class. Reads the catalogue itself
 * ({@code sqlite_master}, {@code information_schema}) over plain JDBC, independent of Alchemy, so that a bug in
 * Alchemy cannot hide a change from it.
 */
final class DatabaseDump {

    private DatabaseDump() {}

    /**
     * @param connection a plain JDBC connection (auto-commit, so the dump sees what is committed)
     * @return one line per table definition and per row
     */
    static List<String> of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        boolean sqlite = product.contains("sqlite");
        boolean mysql = product.contains("mariadb") || product.contains("mysql");
        Map<String, List<String>> tables = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        sqlite
                                ? "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                : """
                                SELECT table_name, '' FROM information_schema.tables
                                WHERE table_schema = %s AND table_type = 'BASE TABLE'""".formatted(mysql ? "database()" : "current_schema()"))) {
            while (rs.next()) {
                tables.put(
                        rs.getString(1), new ArrayList<>(List.of("table " + rs.getString(1) + " " + rs.getString(2))));
            }
        }
        List<String> dump = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : tables.entrySet()) {
            String name = table.getKey();
            dump.addAll(table.getValue());
            dump.addAll(columns(connection, name));
            char q = mysql ? '`' : '"'; // MySQL quotes names with backticks
            String quoted = q + name.replace(String.valueOf(q), String.valueOf(q) + q) + q;
            List<String> key = primaryKey(connection, name);
            String order = key.isEmpty()
                    ? ""
                    : " ORDER BY "
                            + String.join(", ", key.stream().map(c -> q + c + q).toList());
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + quoted + order)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder(name).append(':');
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.append(" | ").append(render(value));
                    }
                    dump.add(row.toString());
                }
            }
        }
        return dump;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getColumns(null, null, table, null)) {
            while (rs.next()) {
                columns.add("column " + table + "." + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME")
                        + " nullable=" + rs.getString("IS_NULLABLE"));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(null, null, table)) {
            while (rs.next()) {
                byPosition.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(byPosition.values());
    }

    private static String render(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return "bytes:" + HexFormat.of().formatHex(bytes);
        }
        return value.getClass().getSimpleName() + ":" + value;
    }
}
