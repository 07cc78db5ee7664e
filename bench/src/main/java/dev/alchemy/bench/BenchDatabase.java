package dev.alchemy.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * A fresh database for one trial: a new SQLite file (WAL, {@code synchronous=NORMAL}, foreign keys on, the same for
 * every contender) or fresh tables in the embedded PostgreSQL server (fsync on). Tables {@code users(id, name,
 * email)} with an index on name, and {@code addresses(id, user_id → users ON DELETE CASCADE, email)}.
 */
public abstract class BenchDatabase implements AutoCloseable {

    /** The pool size of every contender's pool, Alchemy's default. */
    static final int POOL_SIZE = 5;

    /**
     * @param kind {@code sqlite} or {@code postgresql}
     * @return a database with empty tables
     */
    public static BenchDatabase create(String kind) {
        BenchDatabase db = switch (kind) {
            case "sqlite" -> new Sqlite();
            case "postgresql" -> new Postgres();
            default -> throw new IllegalArgumentException("databases are sqlite or postgresql, not " + kind);
        };
        db.execute(db.ddl());
        return db;
    }

    /** @return {@code sqlite} or {@code postgresql} */
    public abstract String kind();

    /** @return the URL for {@code Alchemy.createEngine} */
    public abstract String alchemyUrl();

    /** @return a HikariCP pool configured as Alchemy's engine configures its own (size, auto-commit off, properties) */
    public abstract HikariDataSource newPool();

    /** @return a plain auto-commit connection for setup and checks */
    public abstract Connection connect() throws SQLException;

    abstract List<String> ddl();

    /** Writes the WAL back into the database file, so no contender pays for another's checkpoint. */
    public void checkpoint() {}

    /**
     * Runs statements in one transaction.
     *
     * @param statements SQL without parameters
     */
    public void execute(List<String> statements) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * @param sql a query returning one number
     * @return the number
     */
    public long queryLong(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public abstract void close();

    static HikariConfig poolConfig(String jdbcUrl, Properties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        return config;
    }

    /** A new SQLite file in a temporary folder, deleted on close. */
    static final class Sqlite extends BenchDatabase {
        private final Path dir;
        private final Path file;

        Sqlite() {
            try {
                dir = Files.createTempDirectory("alchemy-bench");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            file = dir.resolve("bench.db");
        }

        @Override
        public String kind() {
            return "sqlite";
        }

        @Override
        public String alchemyUrl() {
            // journal_mode=WAL, foreign_keys and the busy timeout are Alchemy's own defaults for a file
            return "sqlite:///" + file + "?synchronous=NORMAL";
        }

        /** The connection properties every contender gets: what Alchemy sets for a file, plus synchronous. */
        static Properties properties() {
            Properties p = new Properties();
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", "NORMAL");
            p.setProperty("foreign_keys", "true");
            p.setProperty("busy_timeout", "5000");
            return p;
        }

        @Override
        public HikariDataSource newPool() {
            return new HikariDataSource(poolConfig("jdbc:sqlite:" + file, properties()));
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + file, properties());
        }

        @Override
        List<String> ddl() {
            return List.of(
                    "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, "
                            + "email VARCHAR(100) NOT NULL)",
                    "CREATE INDEX ix_users_name ON users (name)",
                    "CREATE TABLE addresses (id INTEGER NOT NULL PRIMARY KEY, "
                            + "user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, "
                            + "email VARCHAR(100) NOT NULL)",
                    "CREATE INDEX ix_addresses_user_id ON addresses (user_id)");
        }

        @Override
        public void checkpoint() {
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Fresh tables in the benchmark's embedded PostgreSQL server. */
    static final class Postgres extends BenchDatabase {
        private final BenchPostgres server = BenchPostgres.get();

        @Override
        public String kind() {
            return "postgresql";
        }

        @Override
        public String alchemyUrl() {
            return server.alchemyUrl();
        }

        @Override
        public HikariDataSource newPool() {
            Properties p = new Properties();
            p.setProperty("user", BenchPostgres.USER);
            // what a skilled JDBC or Hibernate user sets: batched INSERTs rewritten into multi-row statements
            p.setProperty("reWriteBatchedInserts", "true");
            return new HikariDataSource(poolConfig(server.jdbcUrl(), p));
        }

        @Override
        public Connection connect() throws SQLException {
            return server.connect();
        }

        @Override
        List<String> ddl() {
            return List.of(
                    "DROP TABLE IF EXISTS addresses",
                    "DROP TABLE IF EXISTS users",
                    "DROP SEQUENCE IF EXISTS users_seq",
                    "DROP SEQUENCE IF EXISTS addresses_seq",
                    "CREATE TABLE users (id SERIAL NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, "
                            + "email VARCHAR(100) NOT NULL)",
                    "CREATE INDEX ix_users_name ON users (name)",
                    "CREATE TABLE addresses (id SERIAL NOT NULL PRIMARY KEY, "
                            + "user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, "
                            + "email VARCHAR(100) NOT NULL)",
                    "CREATE INDEX ix_addresses_user_id ON addresses (user_id)",
                    // Hibernate's ids on PostgreSQL: sequences with its default pooled allocation of 50
                    "CREATE SEQUENCE users_seq INCREMENT BY 50",
                    "CREATE SEQUENCE addresses_seq INCREMENT BY 50");
        }

        @Override
        public void checkpoint() {
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE users");
                s.execute("VACUUM ANALYZE addresses");
                s.execute("CHECKPOINT");
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {}
    }
}
