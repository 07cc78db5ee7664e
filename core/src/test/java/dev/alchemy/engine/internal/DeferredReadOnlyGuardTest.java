package dev.alchemy.engine.internal;

import static dev.alchemy.Alchemy.literalColumn;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.sqlite.SqliteDialect;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.ConnectionProvider;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.exc.DBAPIError;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite's read-only guard ({@code PRAGMA query_only}) is set only before a read-only transaction's first statement
 * that is not a SELECT. When setting it fails, that statement fails, and so must every later one that could write:
 * the guard is still owed, not forgotten.
 */
class DeferredReadOnlyGuardTest {

    @TempDir
    Path dir;

    /** When set, the dialect's statement that turns the guard on is one SQLite refuses. */
    final AtomicBoolean guardFails = new AtomicBoolean();

    Engine engine;

    @BeforeEach
    void open() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("guard.db"));
        // no engine to prepare its connections: the data source's, as they come
        ConnectionProvider provider = new DataSourceProvider(sqlite, EngineOptions.defaults());
        SqliteDialect dialect = new SqliteDialect() {
            @Override
            public String transactionReadOnlyStatement(boolean readOnly) {
                return readOnly && guardFails.get()
                        ? "PRAGMA query_only = ("
                        : super.transactionReadOnlyStatement(readOnly);
            }
        };
        engine = Engine.create(provider, dialect, EngineOptions.defaults(), sqlite);
        engine.useTransaction(conn -> {
            conn.execute(text("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner VARCHAR(50))"));
            conn.execute(text("INSERT INTO accounts (owner) VALUES ('Alice')"));
        });
    }

    @AfterEach
    void close() {
        engine.dispose();
    }

    @Test
    void aGuardThatCouldNotBeSetIsStillOwedToTheNextWrite() {
        try (Connection conn = engine.connect()) {
            conn.setReadOnly(true);
            guardFails.set(true);
            conn.execute(select(literalColumn("1"))).all(); // a SELECT: no guard yet
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO accounts (owner) VALUES ('Bob')")))
                    .as("the guard's own statement fails, before the INSERT runs")
                    .isInstanceOf(DBAPIError.class)
                    .hasMessageContaining("syntax error");
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO accounts (owner) VALUES ('Carol')")))
                    .as("the guard was not set: the next write must not run without it")
                    .isInstanceOf(DBAPIError.class);
            guardFails.set(false);
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO accounts (owner) VALUES ('Dave')")))
                    .as("set now, the database refuses the write")
                    .isInstanceOf(DBAPIError.class)
                    .hasMessageContaining("readonly");
            conn.rollback();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT owner FROM accounts ORDER BY id"))
                            .scalars(String.class))
                    .containsExactly("Alice");
        }
    }
}
