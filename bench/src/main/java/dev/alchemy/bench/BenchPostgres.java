package dev.alchemy.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The embedded PostgreSQL server of a benchmark JVM. Unlike the tests' server it keeps PostgreSQL's durable
 * defaults ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, DESIGN.md §5): a commit waits
 * for the disk, as it does in production, or the figures would mean nothing.
 */
final class BenchPostgres {

    static final String USER = "postgres";
    static final String DATABASE = "bench";

    private static @Nullable BenchPostgres instance;

    private final EmbeddedPostgres postgres;

    private BenchPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static synchronized BenchPostgres get() {
        if (instance == null) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("max_connections", "100")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setRegisterShutdownHook(true)
                        .start();
                instance = new BenchPostgres(pg);
                instance.admin("CREATE DATABASE " + DATABASE);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
        }
        return instance;
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    String alchemyUrl() {
        return "postgresql://" + USER + "@localhost:" + port() + "/" + DATABASE;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl() + "?user=" + USER);
    }

    /** @return the server's version and its durability settings, for the report */
    String describe() {
        try (Connection c = connect();
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT current_setting('server_version'), current_setting('fsync'), "
                        + "current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + " (fsync=" + rs.getString(2) + ", synchronous_commit="
                    + rs.getString(3) + ", full_page_writes=" + rs.getString(4) + ")";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port() + "/postgres?user=" + USER);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
