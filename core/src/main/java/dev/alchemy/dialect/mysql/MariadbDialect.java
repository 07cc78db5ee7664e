package dev.alchemy.dialect.mysql;

/**
 * The dialect of {@code mariadb://} URLs: {@link MysqlDialect} expecting a MariaDB server (and preferring MariaDB
 * Connector/J), as SQLAlchemy's {@code mariadb://} is its MySQL dialect with {@code is_mariadb} set. Connecting it to
 * a MySQL server is an error that says to use {@code mysql://}.
 */
public class MariadbDialect extends MysqlDialect {

    /** Creates the dialect; found through {@link java.util.ServiceLoader}. */
    public MariadbDialect() {
        super("mariadb", null);
    }

    /** MariaDB's servers are handled by {@link MysqlDialect}, which is registered first. */
    @Override
    public boolean handlesProduct(String productName) {
        return false;
    }
}
