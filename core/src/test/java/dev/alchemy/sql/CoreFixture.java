package dev.alchemy.sql;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.types.SqlTypes.BOOLEAN;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.string;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tables of sqlalchemy-reference.md §2 ({@code 03_dml.py}): users, addresses with a foreign key to users, and
 * nodes for recursive CTEs (plus flags, a boolean column); their rows for the execution suites; and helpers to
 * compile for SQLite and PostgreSQL.
 */
final class CoreFixture {

    static final Dialect SQLITE = Dialect.of(EngineDialect.forName("sqlite"));
    static final Dialect POSTGRESQL = Dialect.of(EngineDialect.forName("postgresql"));

    final MetaData metadata = new MetaData();
    final Table users = Table.of(
            "users",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            // a length, as MySQL's VARCHAR needs one
            Column.of("name", string(100)),
            Column.of("email", string(100)),
            Column.of("age", INTEGER));
    final Table addresses = Table.of(
            "addresses",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            Column.of("user_id", INTEGER).references("users.id"),
            Column.of("email_address", string(100)).notNull());
    final Table nodes =
            Table.of("nodes", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("parent_id", INTEGER));
    final Table flags =
            Table.of("flags", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("active", BOOLEAN));

    /**
     * Creates the tables and fills them with the rows the execution suites expect:
     *
     * <pre>
     * users      1 Alice alice@example.com 30 | 2 Bob bob@example.com 17 | 3 Carol NULL 70 | 4 dave dave@example.org NULL
     * addresses  1 → user 1 alice@home.org | 2 → user 1 alice@work.com | 3 → user 2 bob@home.org
     * nodes      1 (root) | 2 → 1 | 3 → 1 | 4 → 2 | 5 (root)
     * flags      1 true | 2 false | 3 NULL
     * </pre>
     *
     * @param engine the engine
     */
    void createAndFill(Engine engine) {
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users)
                    .values(List.of(
                            row("id", 1, "name", "Alice", "email", "alice@example.com", "age", 30),
                            row("id", 2, "name", "Bob", "email", "bob@example.com", "age", 17),
                            row("id", 3, "name", "Carol", "email", null, "age", 70),
                            row("id", 4, "name", "dave", "email", "dave@example.org", "age", null))));
            conn.execute(insert(addresses)
                    .values(List.of(
                            // ids from the database (1, 2, 3), so that later INSERTs get the next ones on PostgreSQL
                            // too
                            row("user_id", 1, "email_address", "alice@home.org"),
                            row("user_id", 1, "email_address", "alice@work.com"),
                            row("user_id", 2, "email_address", "bob@home.org"))));
            conn.execute(insert(nodes)
                    .values(List.of(
                            row("id", 1, "parent_id", null),
                            row("id", 2, "parent_id", 1),
                            row("id", 3, "parent_id", 1),
                            row("id", 4, "parent_id", 2),
                            row("id", 5, "parent_id", null))));
            conn.execute(insert(flags)
                    .values(List.of(
                            row("id", 1, "active", true),
                            row("id", 2, "active", false),
                            row("id", 3, "active", null))));
            conn.commit();
        }
    }

    /** @return a map of alternating keys and values, in order, allowing nulls */
    static Map<String, @Nullable Object> row(@Nullable Object... keysAndValues) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static CompiledStatement sqlite(ClauseElement statement) {
        return SqlCompiler.compile(statement, SQLITE);
    }

    static CompiledStatement postgresql(ClauseElement statement) {
        return SqlCompiler.compile(statement, POSTGRESQL);
    }

    /** @return the bound parameters as key to value, in order */
    static Map<String, @Nullable Object> params(CompiledStatement compiled) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (BoundParameter p : compiled.parameters()) {
            map.put(p.key(), p.value());
        }
        return map;
    }
}
