package dev.alchemy.dialect.mysql;

import dev.alchemy.exc.ArgumentError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * Strict SQL mode on every session, so that the server never stores a value cut to fit. Without
 * {@code STRICT_TRANS_TABLES} or {@code STRICT_ALL_TABLES} in {@code sql_mode} (MySQL before 5.7, many hosted and
 * upgraded servers), MySQL and MariaDB store a too-long string cut to the column's length and an out-of-range number as
 * the column's largest value, with a warning nobody reads.
 *
 * <p>Both drivers make their sessions strict themselves unless told not to ({@code jdbcCompliantTruncation}, true by
 * default in MySQL Connector/J and MariaDB Connector/J 3: {@code sql_mode=CONCAT(@@sql_mode,',STRICT_TRANS_TABLES')}
 * when connecting). So a URL given to Alchemy may not turn that off, and a connection of an application's
 * {@code DataSource}, configured elsewhere, is checked once and made strict if it is not.
 */
final class MysqlStrictMode {

    static final String PROPERTY = "jdbcCompliantTruncation";

    private MysqlStrictMode() {}

    /**
     * Refuses driver properties that would let the server cut values.
     *
     * @param properties the driver properties of a URL (its query)
     * @param url the URL, for the message
     * @throws ArgumentError when {@code jdbcCompliantTruncation} is false
     */
    static void checkProperties(Map<String, String> properties, String url) {
        properties.forEach((key, value) -> {
            if (key.equalsIgnoreCase(PROPERTY) && !Boolean.parseBoolean(value.trim())) {
                throw refused(url);
            }
        });
    }

    /**
     * Refuses a JDBC URL that sets {@code jdbcCompliantTruncation=false}.
     *
     * @param jdbcUrl the URL as given
     */
    static void checkJdbcUrl(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(PROPERTY.toLowerCase(Locale.ROOT) + "=");
        if (at >= 0) {
            String rest = lower.substring(at + PROPERTY.length() + 1);
            int end = rest.indexOf('&');
            String value = end < 0 ? rest : rest.substring(0, end);
            if (!Boolean.parseBoolean(value.trim())) {
                throw refused(jdbcUrl);
            }
        }
    }

    private static ArgumentError refused(String url) {
        return new ArgumentError(PROPERTY + "=false in '" + url + "' would let MySQL and MariaDB store a string cut to "
                + "its column's length or a number clamped to its range, without an error, on a server whose sql_mode "
                + "is not strict; Alchemy never narrows a value silently. Remove the property (the drivers' default, "
                + "true, makes the session strict)");
    }

    /**
     * Makes a session strict if it is not: adds {@code STRICT_TRANS_TABLES} to its {@code sql_mode}, keeping the
     * other modes. One query per physical connection, and a second only for a session that was not strict.
     *
     * @param connection a connection, outside a transaction or before anything ran in one
     * @throws SQLException from the driver
     */
    static void ensure(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            String mode;
            try (ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode")) {
                rs.next();
                mode = rs.getString(1);
            }
            if (mode == null) {
                mode = "";
            }
            String upper = mode.toUpperCase(Locale.ROOT);
            if (upper.contains("STRICT_TRANS_TABLES") || upper.contains("STRICT_ALL_TABLES")) {
                return;
            }
            String strict = mode.isEmpty() ? "STRICT_TRANS_TABLES" : mode + ",STRICT_TRANS_TABLES";
            s.execute("SET SESSION sql_mode = '" + strict.replace("'", "''") + "'");
        }
    }
}
