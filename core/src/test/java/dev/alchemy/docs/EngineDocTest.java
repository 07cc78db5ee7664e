package dev.alchemy.docs;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Row;
import dev.alchemy.engine.StatementCache;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.NoResultFound;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.LogCapture;
import dev.alchemy.types.SqlTypes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of {@code docs/engine.md}, each between {@code tag::name[]} and {@code end::name[]}; the page
 * shows them exactly as they are here ({@link DocSnippetsTest} checks it), so every snippet compiles and runs.
 */
class EngineDocTest {

    @TempDir
    Path dir;

    Engine engine;

    @BeforeEach
    void memoryEngineWithUsers() {
        engine = createEngine("sqlite:///:memory:");
    }

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    private void createUsers() {
        engine.useTransaction(conn -> conn.execute(
                text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL UNIQUE, email VARCHAR)")));
    }

    @Test
    void createEngineAndConnect() {
        engine.dispose();
        // tag::create-engine[]
        Engine engine = createEngine("sqlite:///:memory:");
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT 'hello' AS greeting"));
            System.out.println(result.scalar()); // hello
        }
        engine.dispose();
        // end::create-engine[]
        assertThat(engine.isDisposed()).isTrue();
    }

    @Test
    void urlForms() {
        engine.dispose();
        // tag::urls[]
        Engine memory = createEngine("sqlite:///:memory:"); // or "sqlite://"
        Engine relative = createEngine("sqlite:///data/app.db"); // relative to the working directory
        Engine absolute = createEngine("sqlite:////var/lib/app/app.db"); // four slashes: an absolute path
        Engine server = createEngine("postgresql://scott:tiger@localhost:5432/app?sslmode=disable");
        Engine jdbc = createEngine("jdbc:postgresql://localhost:5432/app?user=scott&password=tiger");
        // end::urls[]
        assertThat(relative.url().database()).isEqualTo("data/app.db");
        assertThat(absolute.url().database()).isEqualTo("/var/lib/app/app.db");
        assertThat(server.toString()).doesNotContain("tiger");
        assertThat(jdbc.dialect().name()).isEqualTo("postgresql");
        for (Engine e : List.of(memory, relative, absolute, server, jdbc)) {
            e.dispose(); // no connection was opened: engines connect on first use
        }
    }

    @Test
    void options() {
        engine.dispose();
        String url = "sqlite:///" + dir.resolve("app.db");
        // tag::options[]
        Engine engine = createEngine(
                url,
                EngineOptions.defaults()
                        .poolSize(10) // at most 10 connections (default 5)
                        .connectionTimeout(Duration.ofSeconds(5)) // wait for a free one (default 30 s)
                        .maxLifetime(Duration.ofMinutes(10)) // replace a connection after (default 30 min)
                        .busyTimeout(Duration.ofSeconds(2)) // SQLite: wait for a lock (default 5 s)
                        .echo(true) // log statements at INFO
                        .hideParameters(true)); // keep values out of logs and errors
        // end::options[]
        assertThat(engine.options().poolSize()).isEqualTo(10);
        engine.dispose();
    }

    @Test
    void wrapADataSource() {
        engine.dispose();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:sqlite:" + dir.resolve("wrapped.db"));
            DataSource dataSource = pool;
            // tag::data-source[]
            Engine engine = Engine.create(dataSource); // the dialect is found from the database on first use
            // end::data-source[]
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("PRAGMA foreign_keys")).scalar()).isEqualTo(1);
            }
            engine.dispose();
        }
    }

    @Test
    void selectsOfOneShapeCompileOnce() {
        createUsers();
        engine.useTransaction(conn -> conn.execute(text("INSERT INTO users (name) VALUES ('Alice'), ('Bob')")));
        Table users = Table.of(
                "users",
                new MetaData(),
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("name", SqlTypes.VARCHAR));
        // tag::statement-cache[]
        StatementCache cache = engine.statementCache();
        try (Connection conn = engine.connect()) {
            for (String name : List.of("Alice", "Bob")) { // one shape, two values: compiled once
                conn.execute(select(users.c("id")).where(users.c("name").eq(name)));
            }
        }
        System.out.printf(
                "%d hits, %d misses, %d of %d entries%n",
                cache.hits(), cache.misses(), cache.size(), cache.maxSize()); // 1 hits, 1 misses, 1 of 500 entries
        // end::statement-cache[]
        assertThat(List.of(cache.hits(), cache.misses(), (long) cache.size())).containsExactly(1L, 1L, 1L);
    }

    @Test
    void sharedMemoryDatabase() {
        // tag::memory[]
        try (Connection first = engine.connect();
                Connection second = engine.connect()) {
            first.execute(text("CREATE TABLE notes (body TEXT)"));
            first.commit();
            second.execute(text("SELECT count(*) FROM notes")); // the same database: the table is there
        }
        // end::memory[]
    }

    @Test
    void commitAsYouGo() {
        // tag::commit-as-you-go[]
        try (Connection conn = engine.connect()) {
            conn.execute(text(
                    "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL UNIQUE, email VARCHAR)"));
            conn.execute(
                    text("INSERT INTO users (name, email) VALUES (:name, :email)"),
                    Map.of("name", "Alice", "email", "alice@example.com"));
            conn.commit(); // the table and Alice are stored

            conn.execute(text("INSERT INTO users (name) VALUES (:name)"), Map.of("name", "Bob"));
            conn.rollback(); // Bob is not
        } // closing rolls back whatever was not committed
        // end::commit-as-you-go[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT name FROM users")).scalars()).containsExactly("Alice");
        }
    }

    @Test
    void executemany() {
        createUsers();
        try (Connection conn = engine.connect()) {
            // tag::executemany[]
            Result result = conn.execute(
                    text("INSERT INTO users (name) VALUES (:name)"),
                    List.of(Map.of("name", "Bob"), Map.of("name", "Carol"), Map.of("name", "Dave")));
            result.rowcount(); // 3: one JDBC batch, one round trip
            // end::executemany[]
            assertThat(result.rowcount()).isEqualTo(3);
        }
    }

    @Test
    void readingResults() {
        createUsers();
        engine.useTransaction(conn -> conn.execute(
                text("INSERT INTO users (name, email) VALUES ('Alice', 'alice@example.com'), ('Bob', NULL)")));
        try (Connection conn = engine.connect()) {
            // tag::results[]
            Result result = conn.execute(text("SELECT id, name, email FROM users ORDER BY id"));
            result.keys(); // [id, name, email]
            for (Row row : result) {
                Integer id = row.get("id", Integer.class);
                String name = (String) row.get(1);
                System.out.println(id + " " + name + " " + row.get("email"));
            }
            Row first = result.first(); // null when there are no rows
            List<Row> rows = result.all(); // every row; results are read completely, usable after close()
            long users = conn.execute(text("SELECT count(*) FROM users")).scalar(Long.class);
            Row alice = conn.execute(text("SELECT * FROM users WHERE name = :name"), Map.of("name", "Alice"))
                    .one(); // exactly one row, or NoResultFound / MultipleResultsFound
            // end::results[]
            assertThat(first.get("name")).isEqualTo("Alice");
            assertThat(rows).hasSize(2);
            assertThat(users).isEqualTo(2);
            assertThat(alice.get("email")).isEqualTo("alice@example.com");
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM users WHERE 1 = 0"))
                            .one())
                    .isInstanceOf(NoResultFound.class);
        }
    }

    @Test
    void explicitTransaction() {
        createUsers();
        // tag::begin[]
        try (Connection conn = engine.connect();
                Transaction tx = conn.begin()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('Alice')"));
            conn.execute(text("UPDATE users SET email = 'alice@example.com' WHERE name = 'Alice'"));
            tx.commit(); // without it, closing the transaction rolls it back
        }
        // end::begin[]
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void savepoints() {
        createUsers();
        // tag::begin-nested[]
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('Alice')"));
            Transaction savepoint = conn.beginNested();
            try {
                conn.execute(text("INSERT INTO users (name) VALUES ('Alice')")); // a duplicate: fails
                savepoint.commit();
            } catch (IntegrityError duplicate) {
                savepoint.rollback(); // undoes only what followed the savepoint
            }
            conn.execute(text("INSERT INTO users (name) VALUES ('Bob')"));
            conn.commit(); // Alice and Bob
        }
        // end::begin-nested[]
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void engineBegin() {
        createUsers();
        // tag::engine-begin[]
        try (Connection conn = engine.begin()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('Alice')"));
            conn.execute(text("INSERT INTO users (name) VALUES ('Bob')"));
        } // commits here, or rolls back if one of the statements failed
        // end::engine-begin[]
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void engineBeginDoesNotSeeYourExceptions() {
        createUsers();
        assertThatThrownBy(() -> {
                    // tag::engine-begin-trap[]
                    try (Connection conn = engine.begin()) {
                        conn.execute(text("INSERT INTO users (name) VALUES ('Carol')"));
                        checkCredit("Carol"); // throws: close() cannot see it, and commits Carol
                    }
                    // end::engine-begin-trap[]
                })
                .isInstanceOf(IllegalStateException.class);
        assertThat(count()).isEqualTo(1);
    }

    private static void checkCredit(String name) {
        throw new IllegalStateException("no credit for " + name);
    }

    @Test
    void useAndInTransaction() {
        createUsers();
        // tag::use-transaction[]
        engine.useTransaction(conn -> {
            conn.execute(text("INSERT INTO users (name) VALUES ('Dave')"));
            conn.execute(text("INSERT INTO users (name) VALUES ('Erin')"));
        }); // commits when the lambda returns, rolls back when anything in it throws

        long total = engine.inTransaction(
                conn -> conn.execute(text("SELECT count(*) FROM users")).scalar(Long.class));
        // end::use-transaction[]
        assertThat(total).isEqualTo(2);
        assertThatThrownBy(() -> engine.useTransaction(conn -> {
                    conn.execute(text("INSERT INTO users (name) VALUES ('Frank')"));
                    checkCredit("Frank");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void errors() {
        createUsers();
        engine.useTransaction(conn -> conn.execute(text("INSERT INTO users (name) VALUES ('Alice')")));
        // tag::errors[]
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES (:name)"), Map.of("name", "Alice"));
        } catch (IntegrityError e) {
            e.getMessage(); // UNIQUE constraint failed: users.name
            //                 [SQL: INSERT INTO users (name) VALUES (?)]
            //                 [parameters: [Alice]]
            e.sql(); // INSERT INTO users (name) VALUES (?)
            e.parameters(); // [Alice], or null with hideParameters
            e.sqlException(); // the driver's SQLException, also getCause()
        }
        // end::errors[]
        try (Connection conn = engine.connect()) {
            IntegrityError e = catchThrowableOfType(
                    IntegrityError.class,
                    () -> conn.execute(text("INSERT INTO users (name) VALUES (:name)"), Map.of("name", "Alice")));
            assertThat(e.getMessage())
                    .isEqualTo("UNIQUE constraint failed: users.name\n[SQL: INSERT INTO users (name) VALUES (?)]\n"
                            + "[parameters: [Alice]]");
            assertThat(e.sql()).isEqualTo("INSERT INTO users (name) VALUES (?)");
            assertThat(String.valueOf(e.parameters())).isEqualTo("[Alice]");
            assertThat((Object) e.sqlException()).isSameAs(e.getCause()).isNotNull();
        }
    }

    @Test
    void echo() {
        engine.dispose();
        try (LogCapture log = LogCapture.of("dev.alchemy.engine", Level.INFO)) {
            // tag::echo[]
            Engine engine =
                    createEngine("sqlite:///:memory:", EngineOptions.defaults().echo(true));
            try (Connection conn = engine.connect()) {
                conn.execute(text("SELECT :x AS x"), Map.of("x", 1));
            }
            // end::echo[]
            engine.dispose();
            // the log lines docs/engine.md shows
            assertThat(log.messages())
                    .containsExactly("BEGIN (implicit)", "SELECT ? AS x", "[parameters] [1]", "ROLLBACK");
        }
    }

    @Test
    void statementListener() {
        createUsers();
        // tag::listener[]
        AtomicInteger statements = new AtomicInteger();
        engine.addStatementListener(event -> statements.incrementAndGet());
        engine.addStatementListener((StatementEvent event) -> {
            if (event.elapsed().toMillis() > 500) {
                System.out.println("slow: " + event.sql());
            }
        });
        // end::listener[]
        engine.useTransaction(conn -> conn.execute(text("SELECT 1")));
        assertThat(statements).hasValue(1);
    }

    private long count() {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT count(*) FROM users")).scalar(Long.class);
        }
    }
}
