package dev.alchemy.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL primary and a hot standby that streams from it, both embedded ({@link PostgresServer}'s bundle)
 * on free loopback ports, started on first use and stopped when the JVM exits.
 *
 * <p>The bundle has no {@code pg_basebackup}, so the standby is made the way a base backup is taken by hand: the
 * primary is initialised, given a physical replication slot and stopped cleanly; its data directory is copied
 * ({@code standby.signal}, {@code primary_conninfo} and {@code primary_slot_name} added); then the primary starts
 * again on the same port and the standby starts from the copy and streams what the primary writes from then on. Both
 * start through {@link EmbeddedPostgres}, which also runs them as an unprivileged user where the tests run as root.
 *
 * <p>Replication is asynchronous, as in production: a write on the primary reaches the standby a moment later.
 * {@link #awaitReplay()} waits for it by polling the standby's replay position against the primary's WAL position.
 */
public final class PostgresReplication {

    /** The superuser of both servers; it authenticates by trust, without a password. */
    public static final String USER = "postgres";

    private static final String SLOT = "alchemy_standby";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static @Nullable PostgresReplication instance;

    private final EmbeddedPostgres primary;
    private final EmbeddedPostgres standby;

    private PostgresReplication(EmbeddedPostgres primary, EmbeddedPostgres standby) {
        this.primary = primary;
        this.standby = standby;
    }

    /**
     * The primary/standby pair of this JVM, started on the first call (a few seconds; later calls return at once).
     *
     * @return the running pair
     */
    public static synchronized PostgresReplication get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("could not start the embedded PostgreSQL primary and standby", e);
            }
        }
        return instance;
    }

    private static PostgresReplication start() throws IOException, SQLException {
        Path root = Files.createTempDirectory(
                "alchemy-replication-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path primaryDir = root.resolve("primary");
        Path standbyDir = root.resolve("standby");

        EmbeddedPostgres first = server(primaryDir, 0).start(); // initdb, then start, to create the slot
        int port = first.getPort();
        try (Connection c = DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, "");
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "')");
        }
        first.close(); // a clean ("fast") shutdown: the data directory is consistent, a cold base backup
        copy(primaryDir, standbyDir);
        Files.writeString(standbyDir.resolve("standby.signal"), "");
        Files.writeString(
                standbyDir.resolve("postgresql.auto.conf"),
                "primary_conninfo = 'host=localhost port=" + port + " user=" + USER + " application_name=standby'\n"
                        + "primary_slot_name = '" + SLOT + "'\n",
                StandardOpenOption.APPEND);

        EmbeddedPostgres primary = server(primaryDir, port).start();
        EmbeddedPostgres standby;
        try {
            standby = server(standbyDir, 0).start();
        } catch (IOException | RuntimeException e) {
            primary.close();
            throw e;
        }
        PostgresReplication pair = new PostgresReplication(primary, standby);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> pair.stop(root), "postgres-replication-stop"));
        pair.awaitReplay();
        return pair;
    }

    private static EmbeddedPostgres.Builder server(Path dataDirectory, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false) // kept across the primary's restart; deleted by stop()
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                // the embedded library's default is off; on, as in production, a commit's WAL is flushed (and so
                // streamed) at once rather than by the WAL writer up to 200 ms later
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("wal_level", "replica")
                .setServerConfig("hot_standby", "on")
                .setPGStartupWait(Duration.ofSeconds(60));
        return port == 0 ? builder : builder.setPort(port);
    }

    /** Copies a stopped server's data directory, leaving out what belongs to that server's run and its slot. */
    private static void copy(Path from, Path to) throws IOException {
        Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(dir));
                return from.relativize(dir).toString().equals("pg_replslot")
                        ? FileVisitResult.SKIP_SUBTREE // the primary's slot is of no use on the standby
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!skipped.contains(file.getFileName().toString())) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void stop(Path root) {
        for (EmbeddedPostgres server : new EmbeddedPostgres[] {standby, primary}) {
            try {
                server.close();
            } catch (IOException | RuntimeException e) {
                // the JVM is exiting; the directory is removed below in any case
            }
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is not worth failing the exit for
        }
    }

    /** @return the primary's TCP port (loopback only) */
    public int primaryPort() {
        return primary.getPort();
    }

    /** @return the standby's TCP port (loopback only) */
    public int standbyPort() {
        return standby.getPort();
    }

    /**
     * Creates an empty database on the primary and waits until the standby has it too.
     *
     * @param hint a readable part of the name (the test class), shortened and made a legal identifier
     * @return the new database's name
     */
    public String createDatabase(String hint) {
        String clean = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (clean.length() > 40) {
            clean = clean.substring(clean.length() - 40);
        }
        String name = "r" + DATABASES.incrementAndGet() + "_" + clean;
        try (Connection c = connectPrimary("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + name + ": " + e.getMessage(), e);
        }
        awaitReplay();
        return name;
    }

    /**
     * @param database a database name
     * @return a JDBC URL for it on the primary (user {@link #USER}, no password)
     */
    public String primaryJdbcUrl(String database) {
        return jdbcUrl(primaryPort(), database);
    }

    /**
     * @param database a database name
     * @return a JDBC URL for it on the standby (user {@link #USER}, no password)
     */
    public String standbyJdbcUrl(String database) {
        return jdbcUrl(standbyPort(), database);
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /**
     * @param database a database name
     * @return a plain JDBC connection (auto-commit) to it on the primary; close it
     * @throws SQLException from the driver
     */
    public Connection connectPrimary(String database) throws SQLException {
        return DriverManager.getConnection(primaryJdbcUrl(database), USER, "");
    }

    /**
     * @param database a database name
     * @return a plain JDBC connection (auto-commit) to it on the standby; close it
     * @throws SQLException from the driver
     */
    public Connection connectStandby(String database) throws SQLException {
        return DriverManager.getConnection(standbyJdbcUrl(database), USER, "");
    }

    /**
     * Waits until the standby has replayed everything the primary had written when this was called: the primary's
     * WAL insert position is read once, then the standby's replay position is polled until it reaches it.
     *
     * @throws IllegalStateException when the standby has not caught up within 30 seconds
     */
    public void awaitReplay() {
        try (Connection p = connectPrimary("postgres");
                Connection s = connectStandby("postgres");
                Statement ps = p.createStatement();
                ResultSet lsn = ps.executeQuery("SELECT pg_current_wal_insert_lsn()::text");
                PreparedStatement caughtUp = s.prepareStatement(
                        "SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn, pg_last_wal_replay_lsn()::text")) {
            lsn.next();
            String target = lsn.getString(1);
            caughtUp.setString(1, target);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String replayed = null;
            while (System.nanoTime() < deadline) {
                try (ResultSet r = caughtUp.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return;
                    }
                    replayed = r.getString(2);
                }
                Thread.sleep(10); // a poll interval, not a guess at the lag
            }
            throw new IllegalStateException("the standby did not replay the primary's WAL up to " + target
                    + " within 30 s (it is at " + replayed + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("could not compare the primary's and the standby's WAL positions", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the standby", e);
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL primary on localhost:" + primaryPort() + ", standby on localhost:" + standbyPort();
    }
}
