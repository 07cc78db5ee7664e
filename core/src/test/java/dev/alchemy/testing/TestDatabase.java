package dev.alchemy.testing;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One database for one test class: an SQLite file in a temporary folder, or a fresh database on the embedded
 * PostgreSQL or MariaDB server. Nothing is created until first used; {@link #close()} disposes the engines made here and
 * deletes the file or drops the database. {@link OnDatabases} hands one of each kind to a test class; a test that
 * needs one by hand uses {@link #create(Kind, String)} in {@code @BeforeAll} and closes it in {@code @AfterAll}.
 *
 * <pre>{@code
 * @OnDatabases
 * class InsertTest {
 *     @Parameter TestDatabase db;
 *     Engine engine;
 *
 *     @BeforeEach void open() { engine = db.createEngine(); }
 *     @AfterEach void clean() { db.reset(); }     // disposes engine, drops every table
 * }
 * }</pre>
 */
public abstract sealed class TestDatabase implements AutoCloseable
        permits SqliteTestDatabase, PostgresTestDatabase, MariadbTestDatabase {

    /** The kinds of database the suites run on. */
    public enum Kind {
        /** An SQLite file database. */
        SQLITE,
        /** A database on the embedded PostgreSQL server. */
        POSTGRESQL,
        /** A database on the embedded MariaDB server (the {@code mysql} dialect package, MariaDB flavour). */
        MARIADB;

        /** @return the dialect's name, as in URLs: {@code sqlite}, {@code postgresql}, {@code mariadb} */
        public String dialectName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final String owner;
    private final List<Engine> engines = new ArrayList<>();

    TestDatabase(Kind kind, String owner) {
        this.kind = kind;
        this.owner = owner;
    }

    /**
     * A database of a kind, created on first use.
     *
     * @param kind SQLite, PostgreSQL or MariaDB
     * @param owner a readable name, such as the test class's simple name, that appears in the database's name
     * @return the database; close it
     */
    public static TestDatabase create(Kind kind, String owner) {
        Objects.requireNonNull(owner, "owner");
        return switch (kind) {
            case SQLITE -> new SqliteTestDatabase(owner);
            case POSTGRESQL -> new PostgresTestDatabase(owner);
            case MARIADB -> new MariadbTestDatabase(owner);
        };
    }

    /** @return the kind of database */
    public final Kind kind() {
        return kind;
    }

    /** @return true for SQLite */
    public final boolean isSqlite() {
        return kind == Kind.SQLITE;
    }

    /** @return true for PostgreSQL */
    public final boolean isPostgresql() {
        return kind == Kind.POSTGRESQL;
    }

    /** @return true for MariaDB */
    public final boolean isMariadb() {
        return kind == Kind.MARIADB;
    }

    /** @return the name given when this database was created */
    final String owner() {
        return owner;
    }

    /** @return an SQLAlchemy-style URL for this database, as {@code createEngine} takes it */
    public abstract String url();

    /** @return a JDBC URL for this database, for a {@code DataSource} (see {@link #username()}) */
    public abstract String jdbcUrl();

    /** @return the user to connect as with {@link #jdbcUrl()}, or null when the database has no users (SQLite) */
    public abstract @org.jspecify.annotations.Nullable String username();

    /**
     * Creates an engine on this database with default options; it is disposed by {@link #reset()} and
     * {@link #close()} if the test does not dispose it first.
     *
     * @return the engine
     */
    public Engine createEngine() {
        return createEngine(EngineOptions.defaults());
    }

    /**
     * Creates an engine on this database; it is disposed by {@link #reset()} and {@link #close()}.
     *
     * @param options the engine's options
     * @return the engine
     */
    public synchronized Engine createEngine(EngineOptions options) {
        Engine engine = Engine.create(url(), options);
        engines.add(engine);
        return engine;
    }

    /**
     * A VARCHAR for test tables: without a length where the database allows that (SQLite, PostgreSQL), and
     * {@code VARCHAR(255)} on MariaDB, where a VARCHAR needs a length ({@code CompileError} otherwise, as in
     * SQLAlchemy; the MySQL dialect's own tests assert that error).
     *
     * @return the type
     */
    public final dev.alchemy.types.SqlType<String> varchar() {
        return isMariadb() ? dev.alchemy.types.SqlTypes.string(255) : dev.alchemy.types.SqlTypes.VARCHAR;
    }

    /**
     * SQL that concatenates text, for queries written by hand: {@code a || b} on SQLite and PostgreSQL, and
     * {@code CONCAT(a, b)} on MariaDB, where {@code ||} is a logical OR unless {@code sql_mode} has
     * {@code PIPES_AS_CONCAT}. Both give NULL when a part is NULL.
     *
     * @param parts SQL expressions, such as column names or quoted literals
     * @return the expression
     */
    public final String concat(String... parts) {
        return isMariadb() ? "CONCAT(" + String.join(", ", parts) + ")" : String.join(" || ", parts);
    }

    /**
     * The column definition of an integer primary key that the database fills in: {@code INTEGER PRIMARY KEY} on
     * SQLite (the rowid), an identity column on PostgreSQL, AUTO_INCREMENT on MariaDB. For suites that write DDL by hand.
     *
     * @return the column type and constraints, to follow the column's name
     */
    public abstract String autoincrementPrimaryKey();

    /**
     * Disposes every engine made by {@link #createEngine()} and empties the database (drops every table), so the
     * next test starts from nothing. Call it from {@code @AfterEach}.
     */
    public final void reset() {
        disposeEngines();
        dropEverything();
    }

    /** Drops every table (and whatever else the tests created), leaving an empty database. */
    abstract void dropEverything();

    /** Deletes the file or drops the database. */
    abstract void destroy();

    private synchronized void disposeEngines() {
        for (Engine engine : engines) {
            engine.dispose();
        }
        engines.clear();
    }

    /** Disposes the engines made here, then deletes the file or drops the database. */
    @Override
    public final void close() {
        disposeEngines();
        destroy();
    }

    /** @return the kind's name, shown in the test report: {@code sqlite} or {@code postgresql} */
    @Override
    public String toString() {
        return kind.dialectName();
    }
}
