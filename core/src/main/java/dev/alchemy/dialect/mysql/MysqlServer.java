package dev.alchemy.dialect.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the dialect learns from the server when an engine first connects, as SQLAlchemy's MySQL dialect does in
 * {@code initialize()}: whether it is MariaDB or MySQL, its version, and the two settings that decide whether the keys
 * of one multi-row INSERT are consecutive.
 *
 * @param mariadb true for MariaDB, false for MySQL
 * @param major the major version, e.g. 11
 * @param minor the minor version, e.g. 4
 * @param patch the patch version, e.g. 5
 * @param autoincLockMode {@code @@innodb_autoinc_lock_mode}: 0 (traditional) and 1 (consecutive) give the rows of one
 *     multi-row INSERT consecutive keys; 2 (interleaved) does not promise it
 * @param autoIncrementIncrement {@code @@auto_increment_increment}: the step between consecutive keys (1 unless the
 *     server is set up for replication with several writers)
 */
record MysqlServer(boolean mariadb, int major, int minor, int patch, int autoincLockMode, int autoIncrementIncrement) {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /** What a dialect assumes for MariaDB before it has seen the server: a current one (11.4). */
    static final MysqlServer ASSUMED_MARIADB = new MysqlServer(true, 11, 4, 0, 1, 1);

    /** What a dialect assumes for MySQL before it has seen the server: 8.0, with its default lock mode 2. */
    static final MysqlServer ASSUMED_MYSQL = new MysqlServer(false, 8, 0, 0, 2, 1);

    /**
     * Asks the server.
     *
     * @param connection a connection to it
     * @return what it said
     * @throws SQLException from the driver
     */
    static MysqlServer of(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT VERSION(), @@innodb_autoinc_lock_mode, @@auto_increment_increment")) {
            rs.next();
            return parse(rs.getString(1), rs.getInt(2), rs.getInt(3));
        }
    }

    /**
     * @param version what {@code SELECT VERSION()} says: {@code 11.4.5-MariaDB}, {@code 8.0.36}, or MariaDB's old
     *     {@code 5.5.5-10.6.12-MariaDB} that replication clients needed
     * @param lockMode {@code @@innodb_autoinc_lock_mode}
     * @param increment {@code @@auto_increment_increment}
     * @return the server
     */
    static MysqlServer parse(String version, int lockMode, int increment) {
        boolean mariadb = version.contains("MariaDB");
        String text = mariadb && version.startsWith("5.5.5-") ? version.substring(6) : version;
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            return mariadb ? ASSUMED_MARIADB : ASSUMED_MYSQL;
        }
        return new MysqlServer(
                mariadb,
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                lockMode,
                Math.max(1, increment));
    }

    /**
     * @param major a major version
     * @param minor a minor version
     * @return whether this server is that version or later
     */
    boolean atLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    /** @return whether INSERT ... RETURNING and DELETE ... RETURNING exist: MariaDB 10.5 and later */
    boolean returning() {
        return mariadb && atLeast(10, 5);
    }

    /** @return whether CREATE SEQUENCE exists: MariaDB 10.3 and later */
    boolean sequences() {
        return mariadb && atLeast(10, 3);
    }

    /** @return whether the UUID type exists: MariaDB 10.7 and later */
    boolean nativeUuid() {
        return mariadb && atLeast(10, 7);
    }

    /** @return whether {@code FOR SHARE} is the shared lock's spelling (MySQL 8); else {@code LOCK IN SHARE MODE} */
    boolean forShare() {
        return !mariadb && atLeast(8, 0);
    }

    /**
     * @return whether the keys of one multi-row {@code INSERT ... VALUES} are consecutive, as the MySQL and MariaDB
     *     manuals promise for "simple inserts" with {@code innodb_autoinc_lock_mode} 0 or 1
     */
    boolean consecutiveKeys() {
        return autoincLockMode <= 1;
    }

    @Override
    public String toString() {
        return (mariadb ? "MariaDB " : "MySQL ") + major + "." + minor + "." + patch;
    }
}
